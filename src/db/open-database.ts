import { createDb, createPool, type Db } from './connection.ts';
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
  readonly connectionString: string;
  readonly embedded: boolean;
  readonly migrationsApplied: readonly string[];
  close(): Promise<void>;
}

export async function openDatabase(settings: DatabaseSettings, processInfo: ProcessInfo): Promise<OpenDatabase> {
  const server = settings.url ? null : await startEmbedded(settings, processInfo);
  const connectionString = settings.url ?? server?.connectionString ?? '';
  const pool = createPool({ connectionString, max: settings.poolMax, ...(settings.onConnectionError ? { onConnectionError: settings.onConnectionError } : {}) });
  const db = createDb(pool);
  try {
    const migrationsApplied = settings.migrate ? await migrateToLatest(db) : [];
    return {
      db,
      connectionString,
      embedded: server !== null,
      migrationsApplied,
      async close() {
        await db.destroy();
        await server?.stop();
      },
    };
  } catch (error) {
    await db.destroy();
    await server?.stop();
    throw error;
  }
}

async function startEmbedded(settings: DatabaseSettings, processInfo: ProcessInfo) {
  const unlock = settings.dataDir ? await lockDataDir(settings.dataDir, processInfo.pid, processInfo.isAlive) : null;
  try {
    const server = await startEmbeddedPostgres({ dataDir: settings.dataDir, maxConnections: settings.poolMax + settings.extraConnections, ...(settings.onEmbeddedEvent ? { onEvent: settings.onEmbeddedEvent } : {}) });
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
