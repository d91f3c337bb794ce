import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { holdsDatabase, initialiseInOwnThread, WORKER_URL } from './embedded/initialise.ts';
import { EmbeddedSocketServer } from './embedded/socket-server.ts';
import type { FromWorker, WorkerSettings } from './embedded/worker-protocol.ts';

export interface EmbeddedPostgres {
  /** `postgres://…@127.0.0.1:<port>/postgres`, for pg, Kysely and pg-boss alike. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where PGlite keeps its files; null keeps it in memory. */
  readonly dataDir: string | null;
  /** Start from this data-directory tarball instead (in memory; tests). */
  readonly snapshot?: string | null;
  /** Connections the server accepts: at least the sum of every pool's `max`. */
  readonly maxConnections: number;
  /** See SocketServerOptions.idleInTransactionMs; 60 s by default. */
  readonly idleInTransactionMs?: number;
  readonly initialMemoryBytes?: number | null;
  /** What the server noticed (a rolled-back transaction of a vanished client, a refused connection). */
  readonly onEvent?: (event: string, fields: Record<string, unknown>) => void;
}

export class EmbeddedStartError extends Error {
  readonly code: string | null;
  constructor(message: string, code: string | null) {
    super(message);
    this.name = 'EmbeddedStartError';
    this.code = code;
  }
}

const DEFAULT_IDLE_IN_TRANSACTION_MS = 60_000;
/** How long (ms) stop() waits for PGlite to close its files before ending the thread anyway. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * PGlite in a worker thread, served on a loopback port: the app reaches it through `pg` exactly as
 * it reaches PostgreSQL, and a running query never blocks the main thread. One process per data
 * directory (the caller holds a lock file); connections take turns on PGlite's single backend.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const settings: WorkerSettings = {
    dataDir: options.dataDir,
    snapshot: options.snapshot ?? null,
    maxConnections: options.maxConnections,
    idleInTransactionMs: options.idleInTransactionMs ?? DEFAULT_IDLE_IN_TRANSACTION_MS,
    initialMemoryBytes: options.initialMemoryBytes ?? null,
    initialiseOnly: false,
  };
  if (options.dataDir && !(await holdsDatabase(options.dataDir))) {
    const failure = await initialiseInOwnThread(settings);
    if (failure) throw new EmbeddedStartError(failure.message, failure.code);
  }
  const worker = new Worker(WORKER_URL, { workerData: settings });
  const ready = await started(worker, options.onEvent);
  return {
    connectionString: `postgres://postgres@${ready.host}:${ready.port}/postgres`,
    stop: () => stopWorker(worker),
  };
}

function started(worker: Worker, onEvent: EmbeddedOptions['onEvent']): Promise<{ host: string; port: number }> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'failed') reject(new EmbeddedStartError(message.message, message.code));
      else if (message.type === 'event') onEvent?.(message.event, message.fields);
    });
    worker.once('error', (error) => reject(new EmbeddedStartError(error.message, null)));
    worker.once('exit', (code) => reject(new EmbeddedStartError(`the embedded database thread exited (code ${code})`, null)));
  });
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), STOP_TIMEOUT_MS);
    worker.on('message', (message: FromWorker) => {
      if (message.type !== 'stopped') return;
      clearTimeout(timer);
      void worker.terminate().then(() => resolve());
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage({ type: 'stop' });
  });
}

/**
 * Serve an existing PGlite on this thread (global test set-up migrates and snapshots this way).
 * The app itself always uses startEmbeddedPostgres.
 */
export async function serve(lite: PGlite, maxConnections: number): Promise<EmbeddedPostgres> {
  const server = new EmbeddedSocketServer(lite, { host: '127.0.0.1', port: 0, maxConnections, idleInTransactionMs: DEFAULT_IDLE_IN_TRANSACTION_MS });
  const { host, port } = await server.start();
  return {
    connectionString: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop();
      await lite.close();
    },
  };
}
