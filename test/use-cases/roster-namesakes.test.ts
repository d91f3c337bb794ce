import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const FILES: Readonly<Record<string, string>> = {
  './first.csv': 'name,email,credential number,issued\nAna Ortiz,ana@clinic-a.org,CMSS-100,2026-02-01\n',
  './second.csv': 'name,email,credential number,issued\nAna Ortiz,ana.ortiz@other.org,CMSS-999,2026-03-01\n',
};

// Review finding 10 (docs/reviews/final-review.md): a second file's "Ana Ortiz" with another e-mail
// was matched by name to the first Ana Ortiz, and her certificate was replaced by the namesake's.
describe('two people with one name in roster files', () => {
  it('a namesake with another e-mail is another person: the first keeps her certificate', async () => {
    const deps = testDeps(database.current.db, '2026-12-04T15:00:00Z');
    const session = new ShellSession({
      deps,
      organisation: { externalId: 'roster-namesakes', name: 'Clinic', timeZone: 'UTC' },
      readFile: async (path) => (FILES[path] ? { kind: 'read', name: path.slice(2), bytes: new TextEncoder().encode(FILES[path]) } : { kind: 'missing', path }),
      newReference: () => 'R-1',
      deliverPaperwork: async (reply) => reply,
    });
    const say = async (line: string) => (await session.handle(line)).replies.map(renderReply).join('\n');
    await session.speakAs('Dana');
    expect(await say('roster import ./first.csv')).toContain('1 added');
    expect(await say('roster import ./second.csv')).toContain('1 added, 0 updated');
    expect(await say('roster import ./first.csv')).toContain('1 unchanged');
    // The organisation is looked up by its external id here, so the tenant guard is not asked.
    const people = await database.current.db
      .withoutPlugins()
      .selectFrom('people')
      .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
      .innerJoin('credentials', 'credentials.person_id', 'people.id')
      .select(['people.email', 'credentials.number'])
      .where('organisations.external_id', '=', 'roster-namesakes')
      .where('credentials.deleted_at', 'is', null)
      .orderBy('people.email')
      .execute();
    expect(people).toEqual([
      { email: 'ana.ortiz@other.org', number: 'CMSS-999' },
      { email: 'ana@clinic-a.org', number: 'CMSS-100' },
    ]);
  }, 60_000);
});
