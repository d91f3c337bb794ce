import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

function session(externalId: string): (line: string) => Promise<string> {
  const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
  const shell = new ShellSession({
    deps,
    organisation: { externalId, name: 'Clinic', timeZone: 'America/New_York' },
    readFile: async (path) => ({ kind: 'missing', path }),
    newReference: () => 'R-1',
    deliverPaperwork: async (reply) => reply,
  });
  return async (line) => {
    if (line.startsWith('as ')) return (await shell.speakAs(line.slice(3)), '');
    return (await shell.handle(line)).replies.map(renderReply).join('\n');
  };
}

/** Live certificate numbers of the person called `name` (each test names its own people). */
async function liveNumbers(name: string): Promise<string[]> {
  const { rows } = await sql<{ number: string }>`select c.number from credentials c join people p on p.id = c.person_id and p.organisation_id = c.organisation_id where p.display_name = ${name} and c.deleted_at is null order by c.issued_on`.execute(database.current.db.withoutPlugins());
  return rows.map((r) => r.number);
}

describe('undo of a certificate save that someone changed since (final review, issue 11)', () => {
  it('refuses the scribe\'s undo after an on-behalf renewal, saying what changed; the manager\'s undo then leaves the first certificate', async () => {
    const say = session('terminal-undo-changed-since');
    await say('as Dana');
    await say('as Ben');
    expect(await say('cert CMSS-8 issued 2026-01-01')).toContain('CMSS-8');
    await say('as Dana');
    expect(await say('roster set @Ben cert CMSS-9 issued 2026-02-01')).toContain('CMSS-9');
    await say('as Ben');
    const refused = await say('undo');
    expect(refused).toBe("I can't undo saving certificate CMSS-8: Dana has renewed it since (it is CMSS-9 now), and undoing mine would undo that too, so nothing was changed. Type `status` to see the certificate on file; correct it with `cert <number> issued <date>`.");
    expect(await liveNumbers('Ben')).toEqual(['CMSS-8', 'CMSS-9']);
    // Asked again, the answer is the same and nothing changes.
    expect(await say('undo')).toBe(refused);
    await say('as Dana');
    expect(await say('undo')).toContain('CMSS-9');
    expect(await liveNumbers('Ben')).toEqual(['CMSS-8']);
    await say('as Ben');
    expect(await say('status')).toContain('CMSS-8');
  });

  it('still undoes a save nobody changed since, and one whose later change was undone', async () => {
    const say = session('terminal-undo-unchanged');
    await say('as Dana');
    await say('as Cal');
    await say('cert CMSS-18 issued 2026-01-01');
    await say('as Dana');
    await say('roster set @Cal cert CMSS-19 issued 2026-02-01');
    await say('undo');
    await say('as Cal');
    expect(await say('undo')).toContain('CMSS-18');
    expect(await liveNumbers('Cal')).toEqual([]);
  });

  it('a scribe\'s and a manager\'s undo at once end as one of the two orders, never an error (run many times)', async () => {
    const dana = session('terminal-undo-race');
    const ben = session('terminal-undo-race');
    await dana('as Dana');
    for (let i = 0; i < 8; i += 1) {
      const name = `Racer ${i}`;
      await ben(`as ${name}`);
      await ben(`cert RACE-${i}A issued 2026-01-01`);
      await dana('as Dana');
      await dana(`roster set @"${name}" cert RACE-${i}B issued 2026-02-01`);
      const [theirs, mine] = await Promise.all([ben('undo'), dana('undo')]);
      expect(mine).toContain(`RACE-${i}B`);
      const live = await liveNumbers(name);
      // Refused (the renewal was still there when read): the first certificate stays. Undone: the renewal was undone first.
      if (theirs.startsWith("I can't undo")) expect(live).toEqual([`RACE-${i}A`]);
      else expect([theirs, live]).toEqual([expect.stringContaining(`RACE-${i}A`), []]);
    }
  }, 120_000);
});
