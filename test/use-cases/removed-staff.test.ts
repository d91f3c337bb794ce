import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

// Review finding 9 (docs/reviews/final-review.md): `roster remove @ana` (she left) kept her manager
// rights — she still saw the report, exported a colleague's transcript and put herself back.
describe('a manager or admin taken off the roster', () => {
  it('keeps their own records but none of the role, until an admin restores them', async () => {
    const deps = testDeps(database.current.db, '2026-12-04T15:00:00Z');
    const session = new ShellSession({ deps, organisation: { externalId: 'removed-staff', name: 'Clinic', timeZone: 'UTC' }, readFile: async (path) => ({ kind: 'missing', path }), newReference: () => 'R-1', deliverPaperwork: async (reply) => reply });
    const say = async (line: string) => (await session.handle(line)).replies.map(renderReply).join('\n');
    const as = async (name: string, line: string) => {
      await session.speakAs(name);
      return say(line);
    };
    for (const name of ['Dana', 'Ana', 'Eli', 'Ben']) await session.speakAs(name);
    await as('Dana', 'role @Ana manager');
    await as('Dana', 'role @Eli admin');
    expect(await as('Ana', 'report')).toContain('Compliance');
    expect(await as('Dana', 'roster remove @Ana')).toContain('Ana is off the roster');
    expect(await as('Dana', 'roster remove @Eli')).toContain('Eli is off the roster');

    const refused = 'Only managers and admins can';
    for (const line of ['report', 'roster', 'status @Ben', 'export transcript @Ben', 'roster restore @Ana', 'audit start 100%']) {
      expect({ line, answer: (await as('Ana', line)).slice(0, refused.length) }).toEqual({ line, answer: refused });
    }
    expect(await as('Eli', 'role @Eli admin')).toContain('Only admins can give or take away roles');
    expect(await as('Eli', 'roster restore @Eli')).toContain(refused);
    // Their own records stay theirs.
    expect(await as('Ana', 'cert CMSS-401 issued 2026-03-01')).toContain('Saved your CMSS certificate CMSS-401');
    expect(await as('Ana', 'status')).toContain('CMSS-401');

    // Review finding 4: `roles` refused to a scribe named only "the team report".
    expect(await as('Ben', 'roles')).toBe('Only managers and admins can see who has which role — ask an admin: Dana.');
    expect(await as('Dana', 'roster restore @Ana')).toContain('Ana is back on the roster');
    expect(await as('Ana', 'report')).toContain('Compliance');
  }, 60_000);
});
