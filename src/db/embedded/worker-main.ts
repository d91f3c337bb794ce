/**
 * The embedded database's thread: PGlite and its socket server run here, so that a query running
 * in PGlite's WebAssembly never holds the main thread (where HTTP requests are acknowledged).
 * Started by embedded.ts; talks to it with the messages in worker-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { embeddedStartParams } from './pglite-settings.ts';
import { EmbeddedSocketServer } from './socket-server.ts';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol.ts';

if (!parentPort) throw new Error('worker-main.ts runs as a worker thread');
const port = parentPort;
const settings = workerData as WorkerSettings;
const post = (message: FromWorker) => port.postMessage(message);

try {
  const lite = await openPglite(settings);
  if (settings.initialiseOnly) {
    await lite.close();
    post({ type: 'initialised' });
  } else await serve(lite);
} catch (error) {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error), code });
}

async function serve(lite: PGlite): Promise<void> {
  const server = new EmbeddedSocketServer(lite, {
    host: '127.0.0.1',
    port: 0,
    maxConnections: settings.maxConnections,
    idleInTransactionMs: settings.idleInTransactionMs,
    onEvent: (event, fields) => post({ type: 'event', event, fields }),
  });
  const address = await server.start();
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'stop') return;
    void server
      .stop()
      .then(() => lite.close())
      .then(() => post({ type: 'stopped' }), (error: unknown) => post({ type: 'stopped', error: String(error) }));
  });
  post({ type: 'ready', host: address.host, port: address.port });
}

async function openPglite(s: WorkerSettings): Promise<PGlite> {
  const options = { startParams: embeddedStartParams(), ...(s.initialMemoryBytes ? { initialMemory: s.initialMemoryBytes } : {}) };
  if (s.snapshot) return PGlite.create({ loadDataDir: new Blob([await readFile(s.snapshot)]), ...options });
  return PGlite.create({ ...(s.dataDir ? { dataDir: s.dataDir } : {}), ...options });
}
