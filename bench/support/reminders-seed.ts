import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';
import { DEFAULT_POLICY } from '../../src/reminders/policy.ts';

/** Organisations of the planning bench, each with one subscribed channel (the default policy). */
export const PLAN_ORGS = 1_000;
/** Certificates due at the bench's instant (a step 30 days before expiry); the rest expire from 2029 on. */
export const PLAN_DUE = 300;
/** People of the first this many get three entries each (the ledgers read for the due ones are not empty). */
const WITH_ENTRIES = 100_000;

/** How many bench certificates the database holds already (a seeded database is reused). */
export async function storedCertificates(db: Db): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from credentials c join organisations o on o.id = c.organisation_id where o.platform = 'bench'`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Fill the database up to `stored` certificates, one person each, across the bench's organisations.
 * Person n's certificate expires on 2027-02-14 for n < PLAN_DUE (due at the bench's 2027-01-15 09:00
 * New York), else on 2029-01-01 + (n mod 2000) days. Idempotent: seeds only what is missing.
 */
export async function seedPlanning(db: Db, stored: number): Promise<void> {
  await sql`insert into organisations (platform, external_id, name, time_zone, created_at)
    select 'bench', 'B' || i, 'Org ' || i, 'America/New_York', now() from generate_series(0, ${PLAN_ORGS - 1}::int) i on conflict do nothing`.execute(db);
  const subscription = JSON.stringify({ ...DEFAULT_POLICY, teamId: null, private: false });
  await sql`insert into reminder_targets (organisation_id, platform, address, name, subscription, created_at, updated_at)
    select id, 'bench', 'C' || external_id, '#scribes', ${subscription}::jsonb, now(), now() from organisations where platform = 'bench'
    on conflict do nothing`.execute(db);
  const from = await storedCertificates(db);
  for (let start = from; start < stored; start += 100_000) await seedBatch(db, start, Math.min(stored, start + 100_000));
  await sql`analyze`.execute(db);
}

async function seedBatch(db: Db, from: number, to: number): Promise<void> {
  await sql`insert into people (organisation_id, platform_user_id, display_name, role, created_at)
    select (array(select id from organisations where platform = 'bench' order by id))[1 + i % ${PLAN_ORGS}::int], 'U' || i, 'P' || i, 'scribe', now()
    from generate_series(${from}::int, ${to - 1}::int) i`.execute(db);
  await sql`insert into credentials (organisation_id, person_id, type_code, number, issued_on, expires_on, created_at)
    select p.organisation_id, p.id, 'CMSS', 'CMSS-' || p.n, x.d - interval '1 year', x.d, now()
    from (select p.organisation_id, p.id, substr(p.platform_user_id, 2)::int as n from people p join organisations o on o.id = p.organisation_id
          where o.platform = 'bench' and p.platform_user_id ~ '^U[0-9]+$') p
    cross join lateral (select case when p.n < ${PLAN_DUE}::int then date '2027-02-14' else date '2029-01-01' + (p.n % 2000) end as d) x(d)
    where p.n between ${from}::int and ${to - 1}::int`.execute(db);
  if (from >= WITH_ENTRIES) return;
  await sql`insert into trainings (organisation_id, person_id, seq, credential_code, title, title_key, kind, completed_on, minutes, minutes_source, credit, how_computed, source, original_text, created_at)
    select p.organisation_id, p.id, k, 'CMSS', 'Course ' || k, 'course ' || k, 'wbt', date '2026-06-01' + k * 20, 60, 'stated', 1, '60 min', 'chat', 'Course ' || k, now()
    from (select p.organisation_id, p.id, substr(p.platform_user_id, 2)::int as n from people p join organisations o on o.id = p.organisation_id
          where o.platform = 'bench' and p.platform_user_id ~ '^U[0-9]+$') p
    cross join generate_series(1, 3) k
    where p.n between ${from}::int and ${Math.min(to, WITH_ENTRIES) - 1}::int`.execute(db);
}
