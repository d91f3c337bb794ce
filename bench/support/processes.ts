import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startServe, type ServeProcess } from '../../test/support/serve-process.ts';

export const SECRET = 'bench-signing-secret';

/** Resident memory (MB) of a process, from /proc (Linux). */
export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** CPU time (ms) a process has used so far, user + system, from /proc (Linux; clock ticks of 10 ms). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU time (ms) the PostgreSQL server's backends for database `name` have used so far (the server
 * runs on this machine; DATABASE_URL names it). Backends that ended are not counted: sample while
 * the pools are open.
 */
export async function postgresCpuMs(name: string): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) return 0;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
    return rows.reduce((sum, row) => sum + cpuMs(row.pid), 0);
  } finally {
    await admin.end();
  }
}

/** A database for one run: a fresh PostgreSQL database (DATABASE_URL names the server), or an empty data directory. */
export async function freshDatabase(label: string): Promise<{ env: Record<string, string>; name: string; databaseName: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(path.join(tmpdir(), `recert-bench-${label}-`));
    return { env: { RECERT_DATA_DIR: dir }, name: 'embedded PGlite', databaseName: '', drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `recert_bench_${label}_${process.pid}_${Date.now()}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString() },
    name: 'PostgreSQL 15',
    databaseName: name,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Node flags `npm start` runs Recert with (package.json): young generation capped at 4 MB per
 * semi-space. V8's default lets it grow to 64 MB per semi-space under a burst's allocation rate,
 * which was most of the RSS growth (the live heap after full collections stayed at ~50 MB).
 * `recert serve` itself sets the old generation's growing factor (adapters/cli/heap-growth.ts);
 * `--heap-growing-percent=0` among the flags gives V8's own policy back (the "before" of a comparison).
 */
export const SERVE_NODE_ARGS = ['--max-semi-space-size=4'];

export async function startRecert(env: Record<string, string>, apiUrl: string, nodeArgs: readonly string[] = SERVE_NODE_ARGS): Promise<ServeProcess & { port: number }> {
  const port = await freePort();
  const serve = await startServe({ ...env, SLACK_API_URL: apiUrl, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'error' }, port, nodeArgs);
  return Object.assign(serve, { port });
}

const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const BARE_BOLT = fileURLToPath(new URL('./bare-bolt.ts', import.meta.url));

/** The reference app (bare-bolt.ts) as a child process, like Recert's. */
export async function startBareBolt(): Promise<{ child: ChildProcess; port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [RUN_TS, BARE_BOLT], { env: { ...process.env, PORT: String(port), SLACK_SIGNING_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`bare bolt exited (${code})`)));
  });
  return {
    child,
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
