import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { say } from './helpers.ts';

const database = useTestDatabase();

async function numbersOf(actor: Actor): Promise<string[]> {
  const rows = await sql<{ number: string }>`select number from credentials where organisation_id = ${actor.organisationId} and person_id = ${actor.personId} order by number`.execute(database.current.db.withoutPlugins());
  return rows.rows.map((row) => row.number);
}

// Issue 10: a certificate number already held by someone else in the organisation is questioned before it is saved.
describe('a certificate number someone else holds', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;
  let ben: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    ana = await org.join('Ana');
    ben = await org.join('Ben');
    await saveCredential(deps, ana, { number: 'CMSS-40211', issuedOn: '2026-03-10' });
  });

  it.each([
    ['cert CMSS-40211 issued 2026-03-10', 'CMSS-40211'],
    ['cert cmss-40211 issued March 10, 2026', 'cmss-40211'],
    ['my certificate number is CMSS-40211, issued March 10, 2026', 'CMSS-40211'],
  ])('%j is questioned, and nothing is stored', async (text, number) => {
    expect(await say(deps, ben, text)).toMatchObject({ kind: 'error', code: 'credential-number-taken', details: { number } });
    expect(await numbersOf(ben)).toEqual([]);
  });

  it.each([
    'cert CMSS-40211 issued 2026-03-10 anyway',
    'cert CMSS-40211 issued March 10, 2026, anyway',
    'cert CMSS-40211 issued 2026-03-10 confirmed',
  ])('%j saves it once confirmed', async (text) => {
    expect(await say(deps, ben, text)).toMatchObject({ kind: 'credential-saved', number: 'CMSS-40211' });
    expect(await numbersOf(ben)).toEqual(['CMSS-40211']);
  });

  it('questions `roster set @x cert …` too, and saves it with `anyway`', async () => {
    expect(await say(deps, admin, 'roster set @ben cert CMSS-40211 issued 2026-03-10')).toMatchObject({ kind: 'error', code: 'credential-number-taken' });
    expect(await numbersOf(ben)).toEqual([]);
    expect(await say(deps, admin, 'roster set @ben cert CMSS-40211 issued 2026-03-10 anyway')).toMatchObject({ kind: 'roster-changed', change: { what: 'certificate', number: 'CMSS-40211' } });
    expect(await numbersOf(ben)).toEqual(['CMSS-40211']);
  });

  it.each([
    ['the holder correcting their own', 'ana', 'cert CMSS-40211 issued 2026-03-11'],
    ['another number', 'ben', 'cert CMSS-40212 issued 2026-03-10'],
  ])('does not question %s', async (_what, who, text) => {
    expect(await say(deps, who === 'ana' ? ana : ben, text)).toMatchObject({ kind: 'credential-saved' });
  });

  it('does not question a number held in another organisation', async () => {
    const elsewhere = await givenActor(deps);
    expect(await say(deps, elsewhere, 'cert CMSS-40211 issued 2026-03-10')).toMatchObject({ kind: 'credential-saved' });
  });
});
