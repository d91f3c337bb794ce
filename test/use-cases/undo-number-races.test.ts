import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import type { Db } from '../../src/db/connection.ts';
import { findCurrentCredential, insertCredential, NUMBER_HELD_BY_OTHER, setCredentialDeleted } from '../../src/db/repositories/credentials.ts';
import { isUniqueViolation, sqlState } from '../../src/db/errors.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import type { Reply } from '../../src/replies.ts';
import { errorMessage } from '../../adapters/common/error-messages.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { say } from './helpers.ts';

/**
 * Leftovers 7/10: an undo that brings a certificate number back (the undo of a correction, or a
 * certificate restored from deleted) is checked like any new number — never two live holders of one
 * number unless each confirmed it, never two live fees for one certificate; a clear answer if the undo
 * would. Races run many times, on both databases.
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

const codeOf = (reply: Reply): string => (reply.kind === 'error' ? reply.code : reply.kind);

describe('undo of a certificate correction', () => {
  it('is refused, clearly and changing nothing, when someone else holds the old number now', async () => {
    const { deps, ana, ben } = await twoScribes();
    await say(deps, ana, 'cert CMSS-100 issued 2026-03-10');
    expect(await say(deps, ana, 'cert CMSS-200 issued 2026-03-10')).toMatchObject({ kind: 'credential-saved', mode: 'corrected' });
    expect(codeOf(await say(deps, ben, 'cert CMSS-100 issued 2026-03-10'))).toBe('credential-saved');
    const refused = await say(deps, ana, 'undo');
    expect(refused).toMatchObject({ kind: 'error', code: 'undo-number-taken', details: { number: 'CMSS-100' } });
    expect(refused.kind === 'error' && errorMessage(refused.code, refused.details)).toBe(
      "I can't undo that: it would bring back certificate number CMSS-100, which someone else here holds now, so nothing was changed. If CMSS-100 really is yours, set it again with `cert CMSS-100 issued <date> anyway`; otherwise correct it with `cert <number> issued <date>`.",
    );
    expect((await findCurrentCredential(deps.db, ana.organisationId, ana.personId))?.number).toBe('CMSS-200');
    expect(await liveHolders(ana.organisationId, 'CMSS-100')).toEqual([ben.personId]);
    // Nothing was undone, so the correction can still be undone later — and is, once the number is free.
    await say(deps, ben, 'undo');
    expect(await say(deps, ana, 'undo')).toMatchObject({ kind: 'undone', change: { action: 'credential.saved', number: 'CMSS-200' } });
    expect((await findCurrentCredential(deps.db, ana.organisationId, ana.personId))?.number).toBe('CMSS-100');
  });

  it('brings back a shared number the person had confirmed ("anyway")', async () => {
    const { deps, ana, ben } = await twoScribes();
    await say(deps, ben, 'cert CMSS-300 issued 2026-03-10');
    expect(codeOf(await say(deps, ana, 'cert CMSS-300 issued 2026-03-10 anyway'))).toBe('credential-saved');
    await say(deps, ana, 'cert CMSS-301 issued 2026-03-10');
    expect(codeOf(await say(deps, ana, 'undo'))).toBe('undone');
    expect((await liveHolders(ana.organisationId, 'CMSS-300')).sort()).toEqual([ana.personId, ben.personId].sort());
  });

  it('racing a colleague saving that number: exactly one of them gets it', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, ana, ben } = await twoScribes();
      const number = `CMSS-5${String(round).padStart(4, '0')}`;
      await say(deps, ana, `cert ${number} issued 2026-03-10`);
      await say(deps, ana, `cert CMSS-9${String(round).padStart(4, '0')} issued 2026-03-10`);
      const replies = await Promise.all([say(deps, ana, 'undo'), say(deps, ben, `cert ${number} issued 2026-03-10`)]);
      expect([['undone', 'credential-number-taken'], ['undo-number-taken', 'credential-saved']]).toContainEqual(replies.map(codeOf));
      expect(await liveHolders(ana.organisationId, number)).toHaveLength(1);
    }
  }, RACE_TIMEOUT);
});

describe('a certificate restored from deleted', () => {
  it('is refused by the database (RC409) while someone else holds its number, also racing their insert', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, ana, ben } = await twoScribes();
      const number = `CMSS-4${String(round).padStart(4, '0')}`;
      const mine = await insertCredential(deps.db, ana.organisationId, { personId: ana.personId, typeCode: 'CMSS', number, issuedOn: '2026-03-10', expiresOn: '2027-03-10' }, new Date());
      await setCredentialDeleted(deps.db, ana.organisationId, mine.id, new Date());
      const outcome = (write: (trx: Db) => Promise<unknown>) => inTransaction(deps.db, write).then(() => 'saved', (error: unknown) => sqlState(error) ?? String(error));
      const outcomes = await Promise.all([
        outcome((trx) => setCredentialDeleted(trx, ana.organisationId, mine.id, null)),
        outcome((trx) => insertCredential(trx, ben.organisationId, { personId: ben.personId, typeCode: 'CMSS', number: number.toLowerCase(), issuedOn: '2026-03-10', expiresOn: '2027-03-10' }, new Date())),
      ]);
      expect(outcomes.sort()).toEqual([NUMBER_HELD_BY_OTHER, 'saved']);
      expect(await liveHolders(ana.organisationId, number)).toHaveLength(1);
    }
  }, RACE_TIMEOUT);

  it('never brings back a second live fee for one certificate (the unique index)', async () => {
    const { deps, ana } = await twoScribes();
    await say(deps, ana, 'cert CMSS-600 issued 2026-03-10');
    await say(deps, ana, 'I paid my $85 renewal fee on March 8');
    await say(deps, ana, 'undo');
    await say(deps, ana, 'I paid my $85 renewal fee on March 9');
    const restore = sql`update fee_payments set deleted_at = null where organisation_id = ${ana.organisationId} and deleted_at is not null`.execute(database.current.db.withoutPlugins());
    await expect(restore).rejects.toSatisfy(isUniqueViolation);
    const live = await sql<{ n: number }>`select count(*)::int as n from fee_payments where organisation_id = ${ana.organisationId} and deleted_at is null`.execute(database.current.db.withoutPlugins());
    expect(live.rows[0]?.n).toBe(1);
  });
});
