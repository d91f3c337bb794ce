import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const HEADER = 'name,slack user id,email,credential number,issued,expires,fee paid through,team';

function session(externalId: string, files: Readonly<Record<string, string>>): (line: string) => Promise<string> {
  const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
  const shell = new ShellSession({
    deps,
    organisation: { externalId, name: 'Clinic', timeZone: 'America/New_York' },
    readFile: async (path) => (files[path] === undefined ? { kind: 'missing', path } : { kind: 'read', name: path.replace(/^.*\//, ''), bytes: new TextEncoder().encode(files[path]) }),
    newReference: () => 'R-1',
    deliverPaperwork: async (reply) => reply,
  });
  return async (line) => {
    if (line.startsWith('as ')) return (await shell.speakAs(line.slice(3)), '');
    return (await shell.handle(line)).replies.map(renderReply).join('\n');
  };
}

async function peopleCount(): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from people`.execute(database.current.db.withoutPlugins());
  return Number(rows[0]?.n ?? 0);
}

describe('roster files of the wrong shape, in the terminal session', () => {
  it('refuses a row with a cell past the header, naming its line and column, and stores nothing', async () => {
    const say = session('terminal-roster-extra-cell', {
      './extra.csv': `${HEADER}\r\nAna Ortiz,,ana@example.org,CMSS-100,2026-02-01,,,Night shift,oops\r\nBen,,ben@example.org,,,,,\r\n`,
      './trailing.csv': `${HEADER},,\r\nAna Ortiz,,ana@example.org,,,,,,,\r\n`,
    });
    await say('as Dana');
    const before = await peopleCount();
    const out = await say('roster import ./extra.csv');
    expect(out).toContain('Nothing imported from extra.csv: 1 row of 2 has a problem, so nothing was stored.');
    expect(out).toContain("Line 2, column 9: oops is past the header's last column: remove it, or name its column in the header.");
    expect(await peopleCount()).toBe(before);
    // Blank cells past the header (as spreadsheets write them) are not a problem.
    expect(await say('roster import ./trailing.csv')).toContain('Roster imported from trailing.csv: 1 row — 1 added, 0 updated, 0 unchanged.');
  });

  it('says a header-only file has no people in it, and stores nothing', async () => {
    const say = session('terminal-roster-header-only', { './header.csv': `\uFEFF${HEADER}\r\n\r\n` });
    await say('as Dana');
    const before = await peopleCount();
    expect(await say('roster import ./header.csv')).toBe('The file has a header but no people: add one row per person under the header row.');
    expect(await peopleCount()).toBe(before);
  });
});
