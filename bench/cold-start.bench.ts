/**
 * A first start of the embedded database on an empty RECERT_DATA_DIR, phase by phase (in this
 * process, as openDatabase runs them):
 * - initdb: PGlite creates the database, in a thread of its own that then ends (initialise.ts);
 * - open: the serving thread opens the data directory (PGlite's module, PostgreSQL's start);
 * - migrations: every migration in migrations/ (Kysely runs them in one transaction on PostgreSQL);
 * and, for comparison, a warm open (the same directory again) and what a packaged initial data
 * directory would cost instead of initdb (PGlite's loadDataDir from a tarball of a fresh one).
 * `npm run bench:cold-start`; BENCH_ROUNDS (default 3) rounds, each on a new directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDb, createPool } from '../src/db/connection.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { initialiseInOwnThread } from '../src/db/embedded/initialise.ts';
import { embeddedStartParams } from '../src/db/embedded/pglite-settings.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function round(): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'recert-bench-cold-'));
  const copyDir = await mkdtemp(path.join(tmpdir(), 'recert-bench-cold-copy-'));
  try {
    const settings = { dataDir, snapshot: null, maxConnections: 4, idleInTransactionMs: 60_000, initialMemoryBytes: null, initialiseOnly: true };
    const [failure, initdb] = await timed(() => initialiseInOwnThread(settings));
    if (failure) throw new Error(failure.message);
    const [server, open] = await timed(() => startEmbeddedPostgres({ dataDir, maxConnections: 4 }));
    const db = createDb(createPool({ connectionString: server.connectionString, max: 2 }));
    const [, migrations] = await timed(() => migrateToLatest(db));
    await db.destroy();
    await server.stop();
    const [again, warmOpen] = await timed(() => startEmbeddedPostgres({ dataDir, maxConnections: 4 }));
    await again.stop();
    const packaged = await packagedDataDir(copyDir);
    return { initdb, open, migrations, warmOpen, packaged };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(copyDir, { recursive: true, force: true });
  }
}

/** ms to start PGlite on an empty directory from a tarball of a freshly created database (made first, not timed). */
async function packagedDataDir(dir: string): Promise<number> {
  const fresh = await PGlite.create({ startParams: embeddedStartParams() });
  const tarball = await fresh.dumpDataDir('none');
  await fresh.close();
  const [lite, ms] = await timed(() => PGlite.create({ dataDir: dir, loadDataDir: tarball, startParams: embeddedStartParams() }));
  await lite.close();
  return ms;
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`Node ${process.version}; ${ROUNDS} rounds; load average at start ${load()}`);
console.log('| round | initdb (own thread) | open | migrations | first start in all | warm open | packaged data directory instead of initdb |');
console.log('|---|---|---|---|---|---|---|');
const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)} s`;
for (let i = 1; i <= ROUNDS; i += 1) {
  const r = await round();
  const all = (r.initdb ?? 0) + (r.open ?? 0) + (r.migrations ?? 0);
  console.log(`| ${i} | ${s(r.initdb)} | ${s(r.open)} | ${s(r.migrations)} | ${s(all)} | ${s(r.warmOpen)} | ${s(r.packaged)} |`);
}
console.log(`Load average at the end ${load()}`);
