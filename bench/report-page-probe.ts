/** Times the chat report's page alone on an organisation bench/report.bench.ts seeded (BENCH_REUSE), and prints its queries' plans. */
import { DateTime } from 'luxon';
import { loadavg } from 'node:os';
import { silentLogger } from '../src/log.ts';
import type { Actor } from '../src/domain/people.ts';
import type { CoreDeps } from '../src/use-cases/deps.ts';
import { getComplianceReport } from '../src/use-cases/report/compliance-report.ts';
import { QueryRecorder } from '../test/fakes/query-recorder.ts';
import { benchDatabase, percentile } from './database.ts';
import { explainAll } from './support/explain.ts';

const database = await benchDatabase();
const deps: CoreDeps = { db: database.db, clock: { now: () => DateTime.fromISO('2026-11-27T15:00:00Z', { zone: 'utc' }) }, log: silentLogger };
const org = await deps.db.withoutPlugins().selectFrom('organisations').select('id').where('name', '=', 'Random 42').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
const who = await deps.db.withoutPlugins().selectFrom('people').select(['id', 'time_zone']).where('organisation_id', '=', org.id).where('role', '=', 'admin').executeTakeFirstOrThrow();
const admin: Actor = { organisationId: org.id, personId: who.id, displayName: 'Admin', role: 'admin', timeZone: who.time_zone ?? 'UTC', source: 'cli' };
const times: number[] = [];
for (let i = 0; i < Number(process.env.BENCH_ROUNDS ?? 10); i += 1) {
  const started = performance.now();
  await getComplianceReport(deps, admin, {}, 1);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`page 1: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const recorder = new QueryRecorder();
await getComplianceReport({ ...deps, db: deps.db.withPlugin(recorder) }, admin, {}, 1);
await explainAll(deps.db, recorder.queries);
await database.close();
