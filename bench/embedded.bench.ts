/**
 * Why the embedded database runs as it does (docs/architecture.md, "The embedded database"): the
 * same concurrent workload — transactions and parameterised selects from 8 connections, results
 * checked — against PGlite served three ways, measuring throughput, wrong results and how long the
 * main thread's event loop is held (what an HTTP acknowledgement would wait behind):
 *   - pglite-socket on the main thread (what Recert used before: fast, but wrong under concurrency),
 *   - Recert's one-connection-at-a-time socket server on the main thread,
 *   - the same server in a worker thread (what Recert runs).
 * `npm run bench:embedded`
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { serve, startEmbeddedPostgres } from '../src/db/embedded.ts';

const ignore = (): void => undefined;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;

interface Served {
  readonly connectionString: string;
  stop(): Promise<void>;
}

async function oldSocket(): Promise<Served> {
  const lite = await PGlite.create();
  const server = new PGLiteSocketServer({ db: lite, host: '127.0.0.1', port: 0, maxConnections: CONNECTIONS + 2 });
  await server.start();
  return { connectionString: `postgres://postgres@${server.getServerConn()}/postgres`, stop: async () => (await server.stop(), await lite.close()) };
}

async function workload(served: Served): Promise<{ queries: number; wrong: number; errors: number; loopP99: number; loopMax: number }> {
  const pool = new pg.Pool({ connectionString: served.connectionString, max: CONNECTIONS });
  pool.on('error', () => undefined);
  await pool.query('create table if not exists bench_counters (id int primary key, n bigint not null)');
  // The old server's mix-ups surface as errors as well as wrong rows: count both, never crash.
  pool.on('error', () => undefined);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const until = performance.now() + SECONDS * 1000;
  let queries = 0;
  let wrong = 0;
  let errors = 0;
  const transactions = async (id: number) => {
    await pool.query('insert into bench_counters values ($1, 0) on conflict (id) do update set n = 0', [id]).catch(() => void (errors += 1));
    let expected = 0;
    for (let k = 1; performance.now() < until; k += 1) {
      const client = await pool.connect().catch(() => null);
      if (!client) {
        errors += 1;
        continue;
      }
      // A checked-out client's errors go to the client, not the pool: without a listener they crash the run.
      client.on('error', ignore);
      try {
        await client.query('begin');
        await client.query('update bench_counters set n = n + $1 where id = $2', [k, id]);
        const { rows } = await client.query<{ n: string }>('select n from bench_counters where id = $1', [id]);
        await client.query('commit');
        expected += k;
        if (Number(rows[0]?.n) !== expected) wrong += 1;
        queries += 4;
      } catch {
        errors += 1;
        await client.query('rollback').catch(() => undefined);
      } finally {
        client.off('error', ignore);
        client.release();
      }
    }
  };
  const selects = async (id: number) => {
    for (let k = 0; performance.now() < until; k += 1) {
      const a = id * 1_000_000 + k;
      try {
        const { rows } = await pool.query<{ n: string }>(k % 2 ? 'select $1::bigint + 1 as n' : 'select $1::bigint + $2::bigint as n, $3::text as t', k % 2 ? [a] : [a, 1, 'x']);
        if (Number(rows[0]?.n) !== a + 1) wrong += 1;
        queries += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.race([
    Promise.all([transactions(1), transactions(2), transactions(3), transactions(4), selects(5), selects(6), selects(7), selects(8)]),
    new Promise((resolve) => setTimeout(resolve, SECONDS * 1000 + 15_000)), // the old server can hang
  ]);
  loop.disable();
  // The old server can leave connections hanging: do not wait for them longer than a few seconds.
  await Promise.race([pool.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3_000))]);
  return { queries, wrong, errors, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
}

const setups: [string, () => Promise<Served>][] = [
  ['pglite-socket, main thread (before)', oldSocket],
  ['one connection at a time, main thread', async () => serve(await PGlite.create(), CONNECTIONS + 2)],
  ['one connection at a time, worker thread (Recert)', () => startEmbeddedPostgres({ dataDir: null, maxConnections: CONNECTIONS + 2 })],
];
console.log(`Node ${process.version}, ${CONNECTIONS} connections (4 in transactions, 4 parameterised selects), ${SECONDS} s each`);
console.log('| PGlite served by | queries/s | wrong results | errors | main event loop delay p99 / max (ms) |');
console.log('|---|---|---|---|---|');
for (const [name, start] of setups) {
  const served = await start();
  const r = await workload(served);
  await Promise.race([served.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3_000))]);
  console.log(`| ${name} | ${Math.round(r.queries / SECONDS)} | ${r.wrong} | ${r.errors} | ${r.loopP99.toFixed(1)} / ${r.loopMax.toFixed(0)} |`);
}
process.exit(0);
