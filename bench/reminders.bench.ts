import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { planRun } from '../src/reminders/plan-run.ts';
import { silentLogger } from '../src/log.ts';
import { benchDatabase } from './database.ts';

/**
 * One planning run over 1,000 organisations with a few hundred certificates due, at 100k and then
 * 1M stored certificates: the run should cost what is due, not what is stored. PostgreSQL
 * (DATABASE_URL, a throwaway database: it is filled). The sending half (5,000 posts to a fake Slack
 * enforcing 1 per second per channel) is not written yet.
 */
const NOW = DateTime.fromISO('2027-01-15T14:00:00Z', { zone: 'utc' });
const ORGS = 1_000;
const DUE = 300;

async function seed(db: Awaited<ReturnType<typeof benchDatabase>>['db'], from: number, to: number): Promise<void> {
  // Stored certificates expire from 2029 on (no step near NOW); every 1/(to/DUE)-th of the first batch is due in 30 days.
  await sql`insert into people (organisation_id, platform_user_id, display_name, role, created_at)
    select (array(select id from organisations where platform = 'bench' order by id))[1 + i % ${ORGS}::int], 'U' || i, 'P' || i, 'scribe', now()
    from generate_series(${from}::int, ${to - 1}::int) i`.execute(db);
  await sql`insert into credentials (organisation_id, person_id, type_code, number, issued_on, expires_on, created_at)
    select p.organisation_id, p.id, 'CMSS', 'CMSS-' || p.platform_user_id, d - interval '1 year', d, now()
    from (select p.*, substr(p.platform_user_id, 2)::int as n from people p where substr(p.platform_user_id, 2)::int between ${from}::int and ${to - 1}::int and p.platform_user_id like 'U%') p
    cross join lateral (select case when p.n < ${DUE}::int then date '2027-02-14' else date '2029-01-01' + (p.n % 2000) end as d) x(d)`.execute(db);
  await sql`analyze`.execute(db);
}

async function time(db: Awaited<ReturnType<typeof benchDatabase>>['db'], stored: number): Promise<void> {
  const deps = { db, clock: { now: () => NOW }, log: silentLogger };
  const started = performance.now();
  const run = await planRun(deps, NOW);
  const ms = performance.now() - started;
  console.log(`stored ${stored.toLocaleString('en')} certificates: planning run ${ms.toFixed(0)} ms, ${run.deliveries.length} deliveries planned`);
}

async function main(): Promise<void> {
  const { db, label, close } = await benchDatabase();
  console.log(`reminders bench on ${label}`);
  try {
    await sql`insert into organisations (platform, external_id, name, time_zone, created_at)
      select 'bench', 'B' || i, 'Org ' || i, 'America/New_York', now() from generate_series(0, ${ORGS - 1}::int) i on conflict do nothing`.execute(db);
    await seed(db, 0, 100_000);
    await time(db, 100_000);
    await seed(db, 100_000, 1_000_000);
    await time(db, 1_000_000);
  } finally {
    await close();
  }
}

await main();
