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
    if (line.startsWith('as ')) {
      await shell.speakAs(line.slice(3));
      return '';
    }
    return (await shell.handle(line)).replies.map(renderReply).join('\n');
  };
}

describe('report bounds in the terminal session', () => {
  it('says what is wrong with an expiry window it does not take, and lists nothing', async () => {
    const say = session('terminal-report-days');
    await say('as Alex');
    await say('as Blair');
    await say('as Alex');
    expect(await say('report expiring 99999d')).toBe('`report expiring` takes 1 to 3650 days ("99999" is not): e.g. `report expiring 30d`.');
    expect(await say('report expiring 0d')).toBe('`report expiring` takes 1 to 3650 days ("0" is not): e.g. `report expiring 30d`.');
    expect(await say('report expiring 3650d')).toContain('Nobody matches');
  });

  it('says how many pages there are when a page past the last is asked for', async () => {
    const say = session('terminal-report-pages');
    await say('as Alex');
    for (let i = 1; i <= 16; i += 1) await say(`as Scribe ${i}`);
    await say('as Alex');
    expect(await say('report page 2')).toContain('page 2 of 2');
    expect(await say('report page 3')).toBe('There are only 2 pages of this report; you asked for page 3 (page 2 is the last).');
    expect(await say('report page 99999')).toBe('There are only 2 pages of this report; you asked for page 99999 (page 2 is the last).');
    // Nobody holds a certificate, so nobody is listed as unpaid: the filtered report has one (empty) page.
    expect(await say('report unpaid page 999')).toBe('There is only 1 page of this report; you asked for page 999.');
    expect(await say('report 1')).toContain('page 1 of 2');
    expect(await say('report team "Nobody here" page 5')).toContain('There is no team called');
  });

  it('says there is one page when the report fits on one', async () => {
    const say = session('terminal-report-one-page');
    await say('as Alex');
    expect(await say('report page 999')).toBe('There is only 1 page of this report; you asked for page 999.');
    expect(await say('report page 1')).toContain('Alex');
    expect(await say('roster page 999')).toBe('There is only 1 page of this roster; you asked for page 999.');
    expect(await say('roster page 1')).toContain('Roster (1 person)');
  });
});
