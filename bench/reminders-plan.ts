import { CompiledQuery } from 'kysely';
import { DateTime } from 'luxon';
import { createDb, createPool, type Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { silentLogger } from '../src/log.ts';
import { expiryDays, findCandidates } from '../src/reminders/candidates.ts';
import { planRun } from '../src/reminders/plan-run.ts';
import { DEFAULT_POLICY } from '../src/reminders/policy.ts';
import { QueryRecorder } from '../test/fakes/query-recorder.ts';
import { percentile } from './database.ts';
import { seedPlanning, storedCertificates } from './support/reminders-seed.ts';

/** 09:00 in New York on the day certificate n < PLAN_DUE is 30 days from expiry. */
export const PLAN_NOW = DateTime.fromISO('2027-01-15T14:00:00Z', { zone: 'utc' });

interface Sized {
  readonly stored: number;
  readonly db: Db;
}

/**
 * One planning run over 1,000 organisations, on a database of 100,000 and one of 1,000,000 stored
 * certificates, rounds taking turns; beside it the bare candidate lookup (one index range query:
 * the floor). `url` holds the 1M; `<its name>_100k` the 100k (both seeded once, then reused).
 */
export async function benchPlanning(url: string, rounds: number): Promise<void> {
  const small = new URL(url);
  small.pathname = `${small.pathname}_100k`;
  const sized: Sized[] = [];
  for (const [stored, u] of [[100_000, small.toString()], [1_000_000, url]] as const) {
    const db = createDb(createPool({ connectionString: u, max: 8 }));
    await migrateToLatest(db);
    const had = await storedCertificates(db);
    const started = performance.now();
    if (had < stored) await seedPlanning(db, stored);
    console.log(`${u}: ${stored.toLocaleString('en')} certificates (${had < stored ? `seeded in ${((performance.now() - started) / 1000).toFixed(0)} s` : 'reused'})`);
    sized.push({ stored, db });
  }
  try {
    const times = new Map<string, number[]>();
    const add = (key: string, ms: number) => times.set(key, [...(times.get(key) ?? []), ms]);
    const deliveries = new Map<number, number>();
    for (let round = 0; round < rounds + 1; round += 1) {
      for (const { stored, db } of sized) {
        const floor = await timed(() => candidatesOnly(db));
        const plan = await timed(() => planRun({ db, clock: { now: () => PLAN_NOW }, log: silentLogger }, PLAN_NOW));
        deliveries.set(stored, plan.value.deliveries.length);
        // The first round warms caches and connections: not counted.
        if (round === 0) continue;
        add(`plan ${stored}`, plan.ms);
        add(`floor ${stored}`, floor.ms);
      }
    }
    console.log(`\n| stored certificates | one planning run p50 / max (ms) | bare candidate lookup p50 (ms) | deliveries planned |`);
    console.log(`|---|---|---|---|`);
    for (const { stored } of sized) {
      const plan = [...(times.get(`plan ${stored}`) ?? [])].sort((a, b) => a - b);
      const floor = [...(times.get(`floor ${stored}`) ?? [])].sort((a, b) => a - b);
      console.log(`| ${stored.toLocaleString('en')} | ${percentile(plan, 50).toFixed(0)} / ${(plan.at(-1) ?? 0).toFixed(0)} | ${percentile(floor, 50).toFixed(1)} | ${deliveries.get(stored)} |`);
    }
    const largest = sized.at(-1);
    if (largest) await explainPlanning(largest.db);
  } finally {
    for (const { db } of sized) await db.destroy();
  }
}

/** The reference: the candidates of the default policy's steps, one index range query. */
async function candidatesOnly(db: Db): Promise<number> {
  const day = PLAN_NOW.toISODate() ?? '';
  return (await findCandidates(db, expiryDays([DEFAULT_POLICY], day, day))).length;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** The lines of a plan worth quoting: scans (with their relation and index), joins, timings. */
const KEY_LINE = /Scan|Join|Nested Loop|Execution Time/;

/** EXPLAIN (ANALYZE, BUFFERS) of every query one planning run sends, on the largest database. */
async function explainPlanning(db: Db): Promise<void> {
  const recorder = new QueryRecorder();
  await planRun({ db: db.withPlugin(recorder), clock: { now: () => PLAN_NOW }, log: silentLogger }, PLAN_NOW);
  console.log(`\nplanning sent ${recorder.queries.length} queries; their plans on the largest database:`);
  for (const query of recorder.queries) {
    const result = await db.withoutPlugins().executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]));
    console.log(`\n-- ${query.sql.replace(/\s+/g, ' ').slice(0, 150)}…`);
    const lines = result.rows.map((r) => r['QUERY PLAN'].replace(/\(cost=[^)]*\) /, '')).filter((l) => KEY_LINE.test(l));
    // A BitmapOr of one index scan per expiry-day range: the first, and how many like it.
    for (let i = 0; i < lines.length; i += 1) {
      const same = (l: string | undefined) => l?.replace(/\(actual.*/, '') === lines[i]?.replace(/\(actual.*/, '');
      let n = 1;
      while (same(lines[i + n])) n += 1;
      console.log(n > 1 ? `${lines[i]}   (× ${n}: rows ${lines.slice(i, i + n).map((l) => /rows=(\d+)/.exec(l)?.[1]).join(',')})` : lines[i]);
      i += n - 1;
    }
  }
}
