import { ACK_APPLICATION_NAME } from './application-names.ts';
import { createDb, createPool, type Db } from './connection.ts';
import { checkDataDir } from './data-dir-check.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';

export interface DatabaseSettings {
  /** Told when an idle database connection fails; the pool reconnects on its own. */
  readonly onConnectionError?: (error: Error) => void;
  /** A Postgres URL, or null for the embedded database. */
  readonly url: string | null;
  /** Where the embedded database keeps its files; null keeps it in memory. */
  readonly dataDir: string | null;
  readonly poolMax: number;
  /** Connections other components (the job queue) will open against the same server. */
  readonly extraConnections: number;
  readonly migrate: boolean;
  /** What the embedded database server noticed (a vanished client's transaction rolled back…). */
  readonly onEmbeddedEvent?: (event: string, fields: Record<string, unknown>) => void;
}

export interface ProcessInfo {
  readonly pid: number;
  isAlive(pid: number): boolean;
}

export interface OpenDatabase {
  readonly db: Db;
  /**
   * A small pool of its own for storing inbound deliveries before they are acknowledged: however
   * busy the workers' pool is, an acknowledgement never waits for one of its connections.
   */
  readonly ingressDb: Db;
  readonly connectionString: string;
  readonly embedded: boolean;
  readonly migrationsApplied: readonly string[];
  close(): Promise<void>;
}

/** Connections for acknowledgements, and how long (ms) one may take to get: Slack waits 3 s in all. */
export const INGRESS_POOL_MAX = 4;
const INGRESS_CONNECT_TIMEOUT_MS = 2_000;

export async function openDatabase(settings: DatabaseSettings, processInfo: ProcessInfo): Promise<OpenDatabase> {
  const server = settings.url ? null : await startEmbedded(settings, processInfo);
  const connectionString = settings.url ?? server?.connectionString ?? '';
  const onError = settings.onConnectionError ? { onConnectionError: settings.onConnectionError } : {};
  const db = createDb(createPool({ connectionString, max: settings.poolMax, ...onError }));
  const ingressDb = createDb(createPool({ connectionString, max: INGRESS_POOL_MAX, connectionTimeoutMs: INGRESS_CONNECT_TIMEOUT_MS, applicationName: ACK_APPLICATION_NAME, ...onError }));
  const destroy = async () => {
    await Promise.all([db.destroy(), ingressDb.destroy()]);
    await server?.stop();
  };
  try {
    const migrationsApplied = settings.migrate ? await migrateToLatest(db) : [];
    return { db, ingressDb, connectionString, embedded: server !== null, migrationsApplied, close: destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}

async function startEmbedded(settings: DatabaseSettings, processInfo: ProcessInfo) {
  if (settings.dataDir) await checkDataDir(settings.dataDir);
  const unlock = settings.dataDir ? await lockDataDir(settings.dataDir, processInfo.pid, processInfo.isAlive) : null;
  try {
    const server = await startEmbeddedPostgres({ dataDir: settings.dataDir, maxConnections: settings.poolMax + INGRESS_POOL_MAX + settings.extraConnections, ...(settings.onEmbeddedEvent ? { onEvent: settings.onEmbeddedEvent } : {}) });
    return {
      connectionString: server.connectionString,
      async stop() {
        await server.stop();
        await unlock?.();
      },
    };
  } catch (error) {
    await unlock?.();
    throw error;
  }
}
