import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Db } from '../../src/db/connection.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * The embedded database must be exactly as correct as PostgreSQL under the concurrency the app
 * produces: several pools (the app's, the job queue's), transactions and parameterised queries
 * interleaving on a busy event loop. Every result is checked against what its own query asked for.
 * Runs on both databases; on PGlite it guards the socket server's one-connection-at-a-time rule.
 */
const database = useTestDatabase();

let appDb: Db;
let queuePool: pg.Pool;

beforeAll(async () => {
  appDb = createDb(createPool({ connectionString: database.current.connectionString, max: 6 }));
  queuePool = createPool({ connectionString: database.current.connectionString, max: 3 });
  await sql`create table if not exists stress_counters (id int primary key, n bigint not null)`.execute(appDb.withoutPlugins());
});

afterAll(async () => {
  await appDb.destroy();
  await queuePool.end();
});

const ROUNDS = 150;

/** A transaction that adds `k` to its own counter and reads it back inside the transaction. */
async function transactionWorker(worker: number): Promise<string[]> {
  const wrong: string[] = [];
  const db = appDb.withoutPlugins();
  await sql`insert into stress_counters (id, n) values (${worker}, 0) on conflict (id) do update set n = 0`.execute(db);
  let expected = 0;
  for (let k = 1; k <= ROUNDS; k += 1) {
    expected += k;
    const seen = await db.transaction().execute(async (trx) => {
      await sql`update stress_counters set n = n + ${k} where id = ${worker}`.execute(trx);
      const row = await sql<{ n: string; id: number }>`select n, id from stress_counters where id = ${worker}`.execute(trx);
      return row.rows[0];
    });
    if (seen?.id !== worker || Number(seen.n) !== expected) wrong.push(`tx ${worker}: expected ${expected}, got ${JSON.stringify(seen)}`);
  }
  return wrong;
}

/** Parameterised selects with different parameter counts (the extended protocol's Parse/Bind/Execute/Sync). */
async function selectWorker(worker: number, query: (text: string, values: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>): Promise<string[]> {
  const wrong: string[] = [];
  for (let k = 0; k < ROUNDS; k += 1) {
    const a = worker * 1_000_000 + k;
    const shape = k % 3;
    const result =
      shape === 0
        ? await query('select $1::bigint + 1 as n', [a])
        : shape === 1
          ? await query('select $1::bigint + $2::bigint as n, $3::text as tag', [a, 1, `w${worker}`])
          : await query('select n + 1 as n from (select $1::bigint as n, $2::int as pad, $3::int as pad2, $4::int as pad3) s', [a, 0, 0, 0]);
    const n = Number(result.rows[0]?.n);
    if (n !== a + 1 || (shape === 1 && result.rows[0]?.tag !== `w${worker}`)) wrong.push(`select ${worker}/${shape}: expected ${a + 1}, got ${JSON.stringify(result.rows[0])}`);
  }
  return wrong;
}

describe('many connections at once', () => {
  it('every query gets its own result, across pools, transactions and parameterised selects', async () => {
    const viaPool = (pool: pg.Pool) => (text: string, values: unknown[]) => pool.query(text, values);
    const results = await Promise.all([
      transactionWorker(1),
      transactionWorker(2),
      transactionWorker(3),
      selectWorker(4, runOnApp),
      selectWorker(5, runOnApp),
      selectWorker(6, viaPool(queuePool)),
      selectWorker(7, viaPool(queuePool)),
      busyLoop(),
    ]);
    expect(results.flat()).toEqual([]);
  }, 120_000);
});

/** A raw parameterised query through the app's Kysely pool. */
async function runOnApp(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
  const parts = text.split(/\$\d+(?:::[a-z]+)?/);
  const casts = [...text.matchAll(/\$\d+(::[a-z]+)?/g)].map((m) => m[1] ?? '');
  const query = sql.join(
    parts.map((part, i) => (i < values.length ? sql`${sql.raw(part)}${values[i]}${sql.raw(casts[i] ?? '')}` : sql.raw(part))),
    sql.raw(''),
  );
  const result = await sql<Record<string, unknown>>`${query}`.execute(appDb.withoutPlugins());
  return { rows: result.rows };
}

/** Keep the event loop busy, as request handling does, so that socket writes interleave. */
async function busyLoop(): Promise<string[]> {
  for (let i = 0; i < 200; i += 1) {
    const until = performance.now() + 2;
    while (performance.now() < until) Math.sqrt(i);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return [];
}
