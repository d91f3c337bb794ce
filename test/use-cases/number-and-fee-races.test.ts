import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { insertCredential, NUMBER_HELD_BY_OTHER } from '../../src/db/repositories/credentials.ts';
import { sqlState } from '../../src/db/errors.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import type { Reply } from '../../src/replies.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { say } from './helpers.ts';

/**
 * Issue 10: a certificate number another person in the organisation holds is questioned before it
 * is saved, and a cycle's fee is recorded once — also when two sends arrive at the same moment
 * (both pass the use case's check; the database's trigger and unique index decide). Each race runs
 * many times, on both databases.
 */
const database = useTestDatabase();
const ROUNDS = 20;
/** Many rounds on a machine shared with other work: a generous limit (ms), not a speed claim. */
const RACE_TIMEOUT = 120_000;

async function twoScribes(): Promise<{ deps: TestDeps; ana: Actor; ben: Actor }> {
  const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
  const org = await givenOrganisation(deps);
  return { deps, ana: await org.join('Ana'), ben: await org.join('Ben') };
}

async function liveHolders(organisationId: string, number: string): Promise<string[]> {
  const rows = await sql<{ person_id: string }>`select person_id from credentials where organisation_id = ${organisationId} and lower(number) = lower(${number}) and deleted_at is null`.execute(database.current.db.withoutPlugins());
  return rows.rows.map((row) => row.person_id);
}

function codeOf(reply: Reply): string {
  return reply.kind === 'error' ? reply.code : reply.kind;
}

describe('two people send the same certificate number at once', () => {
  it('one is saved and the other is questioned, never both saved', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, ana, ben } = await twoScribes();
      const number = `CMSS-7${String(round).padStart(4, '0')}`;
      const replies = await Promise.all([ana, ben].map((who) => say(deps, who, `cert ${number} issued 2026-03-10`)));
      expect(replies.map(codeOf).sort()).toEqual(['credential-number-taken', 'credential-saved']);
      expect(await liveHolders(ana.organisationId, number)).toHaveLength(1);
    }
  }, RACE_TIMEOUT);

  it('both confirmed with "anyway" are both saved (the person said so)', async () => {
    const { deps, ana, ben } = await twoScribes();
    const replies = await Promise.all([ana, ben].map((who) => say(deps, who, 'cert CMSS-79999 issued 2026-03-10 anyway')));
    expect(replies.map(codeOf)).toEqual(['credential-saved', 'credential-saved']);
    expect(await liveHolders(ana.organisationId, 'CMSS-79999')).toHaveLength(2);
  });

  it('the database itself refuses a second holder written past the check (SQLSTATE RC409), in any case of letters', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, ana, ben } = await twoScribes();
      const number = `CMSS-8${String(round).padStart(4, '0')}`;
      const write = (who: Actor, typed: string) =>
        inTransaction(deps.db, (trx) => insertCredential(trx, who.organisationId, { personId: who.personId, typeCode: 'CMSS', number: typed, issuedOn: '2026-03-10', expiresOn: '2027-03-10' }, new Date())).then(
          () => 'saved',
          (error: unknown) => sqlState(error) ?? String(error),
        );
      const outcomes = await Promise.all([write(ana, number), write(ben, number.toLowerCase())]);
      expect(outcomes.sort()).toEqual([NUMBER_HELD_BY_OTHER, 'saved']);
      expect(await liveHolders(ana.organisationId, number)).toHaveLength(1);
    }
  }, RACE_TIMEOUT);
});

describe('one person sends the fee twice at once', () => {
  it('it is recorded once; the other send is told it is already recorded', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, ana } = await twoScribes();
      await say(deps, ana, `cert CMSS-6${String(round).padStart(4, '0')} issued 2026-03-10`);
      const replies = await Promise.all([1, 2].map(() => say(deps, ana, 'I paid my $85 renewal fee on March 8')));
      expect(replies.map(codeOf).sort()).toEqual(['fee-already-recorded', 'fee-recorded']);
      const fees = await sql<{ n: number }>`select count(*)::int as n from fee_payments where organisation_id = ${ana.organisationId} and deleted_at is null`.execute(database.current.db.withoutPlugins());
      expect(fees.rows[0]?.n).toBe(1);
    }
  }, RACE_TIMEOUT);
});
