/**
 * Times the chat report's page on an organisation bench/report.bench.ts seeded (BENCH_REUSE), in
 * turns: the whole page as a manager gets it (`getComplianceReport`), today's two page queries
 * alone (the zones, then the one page statement), and the two queries it had before this pass
 * (`report-page-before.ts`); then prints the plans. BENCH_ROUNDS (15).
 */
import { DateTime } from 'luxon';
import { loadavg } from 'node:os';
import { silentLogger } from '../src/log.ts';
import type { Actor } from '../src/domain/people.ts';
import { reportPage } from '../src/db/repositories/report-page.ts';
import { activeZones } from '../src/db/repositories/report-zones.ts';
import { findOrganisationZone } from '../src/db/repositories/lookup.ts';
import type { CoreDeps } from '../src/use-cases/deps.ts';
import { getComplianceReport } from '../src/use-cases/report/compliance-report.ts';
import { todayByZone } from '../src/use-cases/report/standings.ts';
import { QueryRecorder } from '../test/fakes/query-recorder.ts';
import { createDb, createPool } from '../src/db/connection.ts';
import { benchDatabase, percentile } from './database.ts';
import { backendCpuMs } from './support/backend-cpu.ts';
import { pageBefore } from './report-page-before.ts';
import { explainAll } from './support/explain.ts';

const database = await benchDatabase();
const deps: CoreDeps = { db: database.db, clock: { now: () => DateTime.fromISO('2026-11-27T15:00:00Z', { zone: 'utc' }) }, log: silentLogger };
const org = await deps.db.withoutPlugins().selectFrom('organisations').select('id').where('name', '=', 'Random 42').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
const who = await deps.db.withoutPlugins().selectFrom('people').select(['id', 'time_zone']).where('organisation_id', '=', org.id).where('role', '=', 'admin').executeTakeFirstOrThrow();
const admin: Actor = { organisationId: org.id, personId: who.id, displayName: 'Admin', role: 'admin', timeZone: who.time_zone ?? 'UTC', source: 'cli' };
const orgZone = await findOrganisationZone(deps.db, org.id);
const todayIn = todayByZone(deps.clock.now());
const query = { everyone: false, managedTeams: null, teamId: null, page: 1, pageSize: 15 };

/** Today's page queries alone: the zones, then the page statement (no stale standing: one of each). */
async function pageNow(): Promise<void> {
  const zones = await activeZones(deps.db, org.id);
  await reportPage(deps.db, org.id, { ...query, todayOf: new Map(zones.map((z) => [z, todayIn(z || orgZone)])) });
}

await getComplianceReport(deps, admin, {}, 1); // computes any stale standing first
const loadBefore = loadavg();
const samples = { page: [] as number[], now: [] as number[], before: [] as number[] };
for (let i = 0; i < Number(process.env.BENCH_ROUNDS ?? 15); i += 1) {
  let started = performance.now();
  await getComplianceReport(deps, admin, {}, 1);
  samples.page.push(performance.now() - started);
  started = performance.now();
  await pageNow();
  samples.now.push(performance.now() - started);
  started = performance.now();
  await pageBefore(deps.db, org.id, (z) => todayIn(z || orgZone), 1, 15);
  samples.before.push(performance.now() - started);
}
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
console.log(`${database.label}; load average ${load(loadBefore)} → ${load(loadavg())}; ${new Date().toISOString()}`);
console.log('| what | median ms | p95 ms |\n|---|---|---|');
for (const [name, s] of [['chat report, page 1 (getComplianceReport)', samples.page], ['its page queries alone (zones + page statement)', samples.now], ['the page queries before (zones/stale + page statement)', samples.before]] as const) {
  const sorted = [...s].sort((a, b) => a - b);
  console.log(`| ${name} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} |`);
}
// The database's own CPU per page, whatever the machine's load: one connection, so one backend.
if (process.env.DATABASE_URL) {
  const one = createDb(createPool({ connectionString: process.env.DATABASE_URL, max: 1 }));
  const oneDeps = { ...deps, db: one };
  const cpuRounds = Number(process.env.BENCH_CPU_ROUNDS ?? 30);
  const cpu = {
    page: await backendCpuMs(one, cpuRounds, async () => void (await getComplianceReport(oneDeps, admin, {}, 1))),
    now: await backendCpuMs(one, cpuRounds, async () => {
      const zones = await activeZones(one, org.id);
      await reportPage(one, org.id, { ...query, todayOf: new Map(zones.map((z) => [z, todayIn(z || orgZone)])) });
    }),
    before: await backendCpuMs(one, cpuRounds, async () => void (await pageBefore(one, org.id, (z) => todayIn(z || orgZone), 1, 15))),
  };
  const ms = (n: number | null) => (n === null ? '?' : n.toFixed(1));
  console.log(`PostgreSQL backend CPU per run (${cpuRounds} runs, /proc): chat page ${ms(cpu.page)} ms; its page queries ${ms(cpu.now)} ms; the page queries before ${ms(cpu.before)} ms; load average ${load(loadavg())}`);
  await one.destroy();
}
if (process.env.BENCH_PLANS !== '0') {
  const recorder = new QueryRecorder();
  await getComplianceReport({ ...deps, db: deps.db.withPlugin(recorder) }, admin, {}, 1);
  await explainAll(deps.db, recorder.queries);
  const before = new QueryRecorder();
  await pageBefore(deps.db.withPlugin(before), org.id, (z) => todayIn(z || orgZone), 1, 15);
  await explainAll(deps.db, before.queries);
}
await database.close();
