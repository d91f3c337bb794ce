/**
 * Idle memory of `recert serve` (Teams in dev mode, the scheduler on) on the embedded database and,
 * when DATABASE_URL names a PostgreSQL server, on PostgreSQL, side by side in one run:
 * - embedded, cold: a fresh RECERT_DATA_DIR (initdb and every migration at start);
 * - embedded, warm: the same directory started again;
 * - PostgreSQL: a fresh database on that server (migrated at start).
 * Each is left idle BENCH_IDLE_S seconds (default 15) after /healthz answers, then measured: RSS
 * from /proc/<pid>/status, the main thread's and the worker threads' V8 heaps (bench/support/memory-probe.ts),
 * and PGlite's WebAssembly memory from /proc/<pid>/smaps. BENCH_ROUNDS (default 1) rounds.
 * `npm run bench:memory`; `DATABASE_URL=postgres://… npm run bench:memory` for the PostgreSQL row.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { measureServe, type ServeMemory } from './support/serve-memory.ts';

const IDLE_MS = Number(process.env.BENCH_IDLE_S ?? 15) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const POSTGRES = process.env.DATABASE_URL || null;

const fmt = (mb: number) => mb.toFixed(0);
function row(label: string, m: ServeMemory): string {
  const wasm = m.wasmSize ? `${fmt(m.wasmSize)} / ${fmt(m.wasmResident)}` : '–';
  const rest = m.rss - m.wasmResident;
  return `| ${label} | ${(m.startMs / 1000).toFixed(1)} s | ${fmt(m.rss)} | ${fmt(m.mainHeap)} | ${fmt(m.workerHeap)} | ${wasm} | ${fmt(rest)} |`;
}

async function embedded(): Promise<string[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'recert-bench-memory-'));
  try {
    const cold = await measureServe({ RECERT_DATA_DIR: dataDir }, IDLE_MS);
    const warm = await measureServe({ RECERT_DATA_DIR: dataDir }, IDLE_MS);
    return [row('embedded, cold (fresh data directory)', cold), row('embedded, warm', warm)];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function postgres(url: string): Promise<string> {
  const name = `recert_bench_memory_${process.pid}_${Date.now()}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`create database ${name}`);
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    return row('PostgreSQL (fresh database)', await measureServe({ DATABASE_URL: target.toString() }, IDLE_MS));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`Node ${process.version}; idle ${IDLE_MS / 1000} s after /healthz; load average at start ${load()}`);
console.log('| recert serve on | start | RSS | main heap | worker heap | PGlite memory (size / resident) | RSS less PGlite memory |');
console.log('|---|---|---|---|---|---|---|');
for (let round = 0; round < ROUNDS; round += 1) {
  for (const line of await embedded()) console.log(line);
  if (POSTGRES) console.log(await postgres(POSTGRES));
}
console.log(`(MiB; heaps are V8's total heap sizes.) Load average at the end ${load()}`);
