import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

// Review finding 6 (docs/reviews/final-review.md): `roster set @ben team ""` created a team called `""`
// (then `team "" add @ben` found it), and `role @x manager of "…"` took a team name of any length.
describe('team names typed in the terminal', () => {
  it('a name without a letter or digit, or too long, is refused on every path and no team is made', async () => {
    const deps = testDeps(database.current.db, '2026-12-04T15:00:00Z');
    const session = new ShellSession({ deps, organisation: { externalId: 'team-names', name: 'Clinic', timeZone: 'UTC' }, readFile: async (path) => ({ kind: 'missing', path }), newReference: () => 'R-1', deliverPaperwork: async (reply) => reply });
    const say = async (line: string) => (await session.handle(line)).replies.map(renderReply).join('\n');
    await session.speakAs('Dana');
    await session.speakAs('Ben');
    await session.speakAs('Dana');
    expect(await say('roster set @Ben team "Night shift"')).toContain('Ben is in Night shift now');
    const long = 'N'.repeat(61);
    for (const line of ['roster set @Ben team ""', "roster set @Ben team ''", 'roster set @Ben team "--"', `roster set @Ben team "${long}"`, 'team "" add @Ben', 'team "?!" add @Ben', `role @Ben manager of "${long}"`, 'role @Ben manager of "..."']) {
      expect({ line, answer: await say(line) }).toEqual({ line, answer: 'A team name needs a letter or a digit, and at most 60 characters.' });
    }
    const teams = await database.current.db.selectFrom('teams').innerJoin('organisations', 'organisations.id', 'teams.organisation_id').select('teams.name').where('organisations.external_id', '=', 'team-names').execute();
    expect(teams.map((t) => t.name)).toEqual(['Night shift']);
    expect(await say('roles')).not.toContain('Ben: manager');
    expect(await say('role @Ben manager of "Night shift"')).toContain('Ben is now a manager of Night shift');
  }, 60_000);
});
