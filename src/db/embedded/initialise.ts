import { access } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, WorkerSettings } from './worker-protocol.ts';

export const WORKER_URL = new URL('./worker-main.ts', import.meta.url);

/** Why the database could not be created (the thread's error message and code). */
export interface InitialiseFailure {
  readonly message: string;
  readonly code: string | null;
}

/** PostgreSQL writes PG_VERSION into a data directory it has created. */
export async function holdsDatabase(dataDir: string): Promise<boolean> {
  return access(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/**
 * Create the database in an empty data directory (PGlite's initdb) in a thread of its own, which
 * then ends. initdb runs in a second PGlite instance that keeps a copy of its whole WebAssembly heap;
 * left to the serving thread, that garbage (about 250 MiB) stayed resident, because an idle thread
 * allocates too little for V8 to collect it. Ending the thread frees all of it at once.
 * Resolves null once the database is written, or with the failure.
 */
export function initialiseInOwnThread(settings: WorkerSettings): Promise<InitialiseFailure | null> {
  const worker = new Worker(WORKER_URL, { workerData: { ...settings, initialiseOnly: true } satisfies WorkerSettings });
  return new Promise<InitialiseFailure | null>((resolve) => {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'initialised') resolve(null);
      else if (message.type === 'failed') resolve({ message: message.message, code: message.code });
    });
    worker.once('error', (error) => resolve({ message: error.message, code: null }));
    worker.once('exit', (code) => resolve({ message: `the embedded database thread exited (code ${code})`, code: null }));
  }).finally(() => worker.terminate());
}
