/**
 * Does a status check slow down as OTHER organisations record fee payments? Status (and the fee
 * lookup alone) for one scribe with 0, then 45,000 other people's payments in the table, with the
 * `fee_payments (organisation_id, credential_id)` index and, for comparison, without it (dropped
 * for the measurement and created again). Point DATABASE_URL at a throwaway database:
 * `DATABASE_URL=postgres://…/scratch npm run bench:fees` (unset: in-memory PGlite).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { listFeePayments } from '../src/db/repositories/fees.ts';
import { findCurrentCredential } from '../src/db/repositories/credentials.ts';
import { silentLogger } from '../src/log.ts';
import type { CoreDeps } from '../src/use-cases/deps.ts';
import { getStatus } from '../src/use-cases/get-status.ts';
import { identify } from '../src/use-cases/identify.ts';
import { recordFeePayment } from '../src/use-cases/record-fee.ts';
import { saveCredential } from '../src/use-cases/save-credential.ts';
import { benchDatabase, percentile } from './database.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const OTHERS = Number(process.env.BENCH_OTHER_PAYMENTS ?? 45_000);
const PER_ORGANISATION = 100;
const INDEX = 'fee_payments_credential_idx';

const database = await benchDatabase();
const raw = database.db.withoutPlugins();
const deps: CoreDeps = { db: database.db, clock: { now: () => DateTime.fromISO('2026-11-27T15:00:00Z', { zone: 'utc' }) }, log: silentLogger };
const { actor } = await identify(deps, { platform: 'bench', organisationExternalId: randomUUID(), organisationName: 'Bench', organisationTimeZone: 'UTC', userExternalId: 'u', displayName: 'Bench', timeZone: 'America/New_York', source: 'cli' });
await saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '2026-01-15' });
await recordFeePayment(deps, actor, {});
const credential = await findCurrentCredential(database.db, actor.organisationId, actor.personId);
if (!credential) throw new Error('the bench scribe has no certificate');

/** `OTHERS` people in other organisations, each with a certificate and one payment (set-based SQL: seconds, not minutes). */
async function addOtherPayments(): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const organisations = Math.ceil(OTHERS / PER_ORGANISATION);
  await sql`insert into organisations (platform, external_id, name, time_zone, created_at)
    select 'bench-other', ${run} || '-' || g, 'Other clinic', 'UTC', '2026-01-01T00:00:00Z' from generate_series(1, ${organisations}::int) g`.execute(raw);
  await sql`insert into people (organisation_id, platform_user_id, display_name, role, created_at)
    select o.id, 'p' || g, 'Other scribe', 'scribe', '2026-01-01T00:00:00Z' from organisations o, generate_series(1, ${PER_ORGANISATION}::int) g
    where o.platform = 'bench-other' and o.external_id like ${run} || '-%'`.execute(raw);
  await sql`insert into credentials (organisation_id, person_id, type_code, number, issued_on, expires_on, created_at)
    select p.organisation_id, p.id, 'CMSS', 'CMSS-' || p.platform_user_id, '2026-01-10', '2027-01-10', '2026-01-10T00:00:00Z'
    from people p join organisations o on o.id = p.organisation_id where o.platform = 'bench-other' and o.external_id like ${run} || '-%'`.execute(raw);
  await sql`insert into fee_payments (organisation_id, person_id, credential_id, amount_cents, currency, paid_on, created_at)
    select c.organisation_id, c.person_id, c.id, 8500, 'USD', '2026-01-12', '2026-01-12T00:00:00Z'
    from credentials c join organisations o on o.id = c.organisation_id where o.platform = 'bench-other' and o.external_id like ${run} || '-%'`.execute(raw);
  await sql`analyze`.execute(raw);
}

async function p50(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i += 1) await run(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return percentile(samples.sort((a, b) => a - b), 50);
}

async function measure(others: string): Promise<string[]> {
  const rows: string[] = [];
  for (const indexed of [true, false]) {
    if (!indexed) await sql`drop index ${sql.ref(INDEX)}`.execute(raw);
    const status = await p50(() => getStatus(deps, actor));
    const lookup = await p50(() => listFeePayments(database.db, actor.organisationId, credential?.id ?? ''));
    if (!indexed) await sql`create index ${sql.ref(INDEX)} on fee_payments (organisation_id, credential_id)`.execute(raw);
    rows.push(`| ${others} | ${indexed ? 'yes' : 'no (dropped)'} | ${status.toFixed(2)} | ${lookup.toFixed(2)} |`);
  }
  return rows;
}

const before = await measure('0');
await addOtherPayments();
const after = await measure(OTHERS.toLocaleString('en-US'));
const total = await sql<{ n: string }>`select count(*) as n from fee_payments`.execute(raw);
console.log(`Node ${process.version}, ${database.label}, ${ROUNDS} rounds each; fee_payments holds ${total.rows[0]?.n ?? '?'} rows at the end`);
console.log('| other people’s payments | index | status p50 ms | fee lookup p50 ms |\n|---|---|---|---|');
for (const row of [...before, ...after]) console.log(row);
await database.close();
