import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('roster refusals in the terminal session', () => {
  it('refuses a scribe the roster and its import before any file is looked at, naming the admin', async () => {
    const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const read: string[] = [];
    const session = new ShellSession({
      deps,
      organisation: { externalId: 'terminal-roster-refusals', name: 'Clinic', timeZone: 'America/New_York' },
      readFile: async (path) => (read.push(path), { kind: 'missing', path }),
      newReference: () => 'R-1',
      deliverPaperwork: async (reply) => reply,
    });
    const say = async (line: string) => (await session.handle(line)).replies.map(renderReply).join('\n');
    await session.speakAs('Alex');
    await session.speakAs('Blair');
    expect(await say('roster')).toBe('Only managers and admins can see the roster — ask an admin: Alex.');
    expect(await say('roster import ./people.csv')).toBe('Only managers and admins can change the roster — ask an admin: Alex.');
    expect(await say('roster remove @Alex')).toBe('Only managers and admins can change the roster — ask an admin: Alex.');
    expect(read).toEqual([]);
    // The admin's import does read the path (and says it is missing).
    await session.speakAs('Alex');
    expect(await say('roster import ./people.csv')).toContain(`I can't find a file at "./people.csv"`);
    expect(read).toEqual(['./people.csv']);
  });

  it('names what a scribe was refused when the roles, the teams or a digest are asked for (not "the team report")', async () => {
    const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const session = new ShellSession({
      deps,
      organisation: { externalId: 'terminal-roles-refusals', name: 'Clinic', timeZone: 'America/New_York' },
      readFile: async (path) => ({ kind: 'missing', path }),
      newReference: () => 'R-1',
      deliverPaperwork: async (reply) => reply,
    });
    const say = async (line: string) => (await session.handle(line)).replies.map(renderReply).join('\n');
    await session.speakAs('Alex');
    await session.speakAs('Blair');
    expect(await say('roles')).toBe('Only managers and admins can see who has which role — ask an admin: Alex.');
    expect(await say('teams')).toBe('Only managers and admins can see the teams — ask an admin: Alex.');
    expect(await say('digest weekly monday 8:00')).toBe('Only managers and admins can get the weekly team digest — ask an admin: Alex.');
    expect(await say('report')).toBe('Only managers and admins can see the team report — ask an admin: Alex.');
  });
});
