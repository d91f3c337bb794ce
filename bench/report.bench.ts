/**
 * "Who is out of compliance?" for an organisation of 10,000 people with about 200,000 entries (and
 * another organisation's 5,000 people and 100,000 entries beside it), side by side with the
 * hand-written SQL that computes the same answer from the raw tables in one statement; then the
 * report's query plans (EXPLAIN ANALYZE, BUFFERS), checked for sequential scans of trainings.
 * `DATABASE_URL=postgres://…/throwaway npm run bench:report` (PostgreSQL), or without it (PGlite).
 * BENCH_PEOPLE, BENCH_ROUNDS to change the size and the number of timed runs.
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { CMSS_RULES } from '../src/domain/credential-rules.ts';
import type { Actor } from '../src/domain/people.ts';
import { silentLogger } from '../src/log.ts';
import type { CoreDeps } from '../src/use-cases/deps.ts';
import { buildComplianceReport, getComplianceReport } from '../src/use-cases/report/compliance-report.ts';
import { planOrganisation } from '../test/builders/random-organisation.ts';
import { seedOrganisation } from '../test/builders/seed-organisation.ts';
import { QueryRecorder } from '../test/fakes/query-recorder.ts';
import { benchDatabase, percentile } from './database.ts';
import { handWrittenReport, storedLinesRead, storedStandingsRead } from './report-hand-sql.ts';
import { explainAll } from './support/explain.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const NOW = '2026-11-27T15:00:00Z';

const database = await benchDatabase();
const deps: CoreDeps = { db: database.db, clock: { now: () => DateTime.fromISO(NOW, { zone: 'utc' }) }, log: silentLogger };
console.log(`${database.label}; Node ${process.version}; ${cpus().length} cores; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString()}`);

async function seed(people: number, seedNumber: number) {
  const plan = planOrganisation(seedNumber, NOW.slice(0, 10), { people, maxEntries: 40 });
  plan.rules = null; // the hand-written SQL is written for the built-in rules
  const started = performance.now();
  const seeded = await seedOrganisation(deps, plan);
  const entries = plan.people.reduce((n, p) => n + p.trainings.length, 0);
  console.log(`seeded ${people} people, ${entries} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return seeded;
}

/** BENCH_REUSE=1: time again on the organisations a previous run seeded into this database (seeding 300,000 entries takes minutes). */
async function reuse() {
  const org = await deps.db.withoutPlugins().selectFrom('organisations').select(['id', 'external_id']).where('name', '=', 'Random 42').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const who = await deps.db.withoutPlugins().selectFrom('people').select(['id', 'time_zone']).where('organisation_id', '=', org.id).where('role', '=', 'admin').executeTakeFirstOrThrow();
  const admin: Actor = { organisationId: org.id, personId: who.id, displayName: 'Admin', role: 'admin', timeZone: who.time_zone ?? 'UTC', source: 'cli' };
  return { admin, organisationId: org.id };
}

if (!process.env.BENCH_REUSE) await seed(Math.round(PEOPLE / 2), 99); // the other organisation: noise in every table
const seeded = process.env.BENCH_REUSE ? await reuse() : await seed(PEOPLE, 42);
// As autovacuum would after such a load: the planner sees the tables as they are.
await sql`analyze`.execute(deps.db);
const admin = seeded.admin;
const now = DateTime.fromISO(NOW).toJSDate();

let started = performance.now();
await buildComplianceReport(deps, admin, {});
console.log(`first report${process.env.BENCH_REUSE ? ' (standings stored by the earlier run)' : ' (every standing computed from the entries and stored)'}: ${(performance.now() - started).toFixed(0)} ms`);

// Seeding bumps each person's ledger version once per entry (20 dead rows a person) and the first report
// writes every standing: a live organisation's tables, vacuumed as they change, hold no such bulk of dead
// rows. Compacted and analysed as they would be (BENCH_NO_COMPACT=1: timed as seeded).
// VACUUM FULL leaves the visibility map empty; the plain VACUUM after it sets it, as autovacuum
// does on a live table, so the report's index-only scan reads the index alone.
if (!process.env.BENCH_NO_COMPACT) {
  await sql`vacuum (full, analyze) people, standings`.execute(deps.db);
  await sql`vacuum people, standings`.execute(deps.db);
}

// The two answers must agree before their times mean anything.
const everyone = await buildComplianceReport(deps, admin, { everyone: true });
const hand = new Map((await handWrittenReport(deps.db, seeded.organisationId, now, CMSS_RULES)).map((r) => [r.person_id, r]));
const disagreements = everyone.rows.filter((row) => {
  const h = hand.get(row.personId);
  return !h || h.state !== row.state || Number(h.earned) !== row.earned || h.codes.join() !== [...new Set(row.reasons.map((r) => r.code))].join() || (h.days_left ?? null) !== (row.certificate?.daysLeft ?? null);
});
console.log(`report and hand-written SQL: ${everyone.rows.length} people, ${hand.size} rows, ${disagreements.length} disagreements`);
if (disagreements.length) console.log(JSON.stringify({ report: disagreements[0], hand: hand.get(disagreements[0]?.personId ?? '') }));

// With `node --expose-gc` (as `npm run bench:report` runs it) the garbage of one timed item is
// collected before the next starts: otherwise the chat page, timed after a whole report or the
// read of everyone's summaries (~100 MB of rows), pays for their collection (~60 → ~160 ms).
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const samples = { page: [] as number[], report: [] as number[], everyone: [] as number[], hand: [] as number[], stored: [] as number[], lines: [] as number[], pageCpu: [] as number[], reportCpu: [] as number[] };
for (let i = 0; i < ROUNDS; i += 1) {
  // Taking turns, so that the machine's load falls on all alike.
  collect();
  started = performance.now();
  const pageCpu = process.cpuUsage();
  await getComplianceReport(deps, admin, {}, 1);
  samples.page.push(performance.now() - started);
  const pageUsed = process.cpuUsage(pageCpu);
  samples.pageCpu.push((pageUsed.user + pageUsed.system) / 1000);
  collect();
  started = performance.now();
  const cpu = process.cpuUsage();
  await buildComplianceReport(deps, admin, {});
  samples.report.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  samples.reportCpu.push((used.user + used.system) / 1000);
  collect();
  started = performance.now();
  await buildComplianceReport(deps, admin, { everyone: true });
  samples.everyone.push(performance.now() - started);
  collect();
  started = performance.now();
  await handWrittenReport(deps.db, seeded.organisationId, now, CMSS_RULES);
  samples.hand.push(performance.now() - started);
  collect();
  started = performance.now();
  await storedStandingsRead(deps.db, seeded.organisationId);
  samples.stored.push(performance.now() - started);
  collect();
  started = performance.now();
  await storedLinesRead(deps.db, seeded.organisationId);
  samples.lines.push(performance.now() - started);
}
const median = (s: number[]) => percentile([...s].sort((a, b) => a - b), 50);
const p95 = (s: number[]) => percentile([...s].sort((a, b) => a - b), 95);
console.log(`\n${ROUNDS} runs each, ${PEOPLE} people (${everyone.counts.compliant} compliant · ${everyone.counts.atRisk} at risk · ${everyone.counts.outOfCompliance} out of compliance)`);
console.log('| what | median ms | p95 ms | × hand SQL (median) |\n|---|---|---|---|');
for (const [name, s] of [['the chat report, page 1 (counts + 15 people with their reasons)', samples.page], ['report (people with a gap), every row with its reasons', samples.report], ['report, everyone', samples.everyone], ['hand-written SQL, everyone', samples.hand], ['reading the stored standings alone (one SQL, no day applied)', samples.stored], ['reading the report columns alone (one SQL, no JSON, no day applied)', samples.lines]] as const) {
  console.log(`| ${name} | ${median(s).toFixed(1)} | ${p95(s).toFixed(1)} | ${(median(s) / median(samples.hand)).toFixed(2)} |`);
}
// This process's own CPU time during a report (the app's share: parsing rows, applying the day), apart from the wait for the database and the machine.
console.log(`chat page's CPU time in this process: median ${median(samples.pageCpu).toFixed(1)} ms, p95 ${p95(samples.pageCpu).toFixed(1)} ms`);
console.log(`report's CPU time in this process: median ${median(samples.reportCpu).toFixed(1)} ms, p95 ${p95(samples.reportCpu).toFixed(1)} ms; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// The plans: the report's queries as it sends them (warm: stored standings), and the cold path's.
const recorder = new QueryRecorder();
const recorded: CoreDeps = { ...deps, db: deps.db.withPlugin(recorder) };
await getComplianceReport(recorded, admin, {}, 1);
// Cold: no stored standing, every ledger read again.
await deps.db.deleteFrom('standings').where('organisation_id', '=', seeded.organisationId).execute();
await buildComplianceReport(recorded, admin, {});
const scans = await explainAll(deps.db, recorder.queries);
console.log(`\nsequential scans of trainings in the report's plans: ${scans.trainings}`);
await database.close();
