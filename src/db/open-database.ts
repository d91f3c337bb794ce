import { createDb, createPool, type Db } from './connection.ts';
import { checkDataDir } from './data-dir-check.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';

export interface DatabaseSettings {
  /** Told when an idle database connection fails; the pool reconnects on its own. */
  readonly onIdleError?: (error: Error) => void;
  /** A Postgres URL, or null for the embedded database. */
  readonly url: string | null;
  /** Where the embedded database keeps its files; null keeps it in memory. */
  readonly dataDir: string | null;
  readonly poolMax: number;
  /** Connections other components (the job queue) will open against the same server. */
  readonly extraConnections: number;
  readonly migrate: boolean;
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
  const pool = createPool({ connectionString, max: settings.poolMax, ...(settings.onIdleError ? { onIdleError: settings.onIdleError } : {}) });
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
  if (settings.dataDir) await checkDataDir(settings.dataDir);
  const unlock = settings.dataDir ? await lockDataDir(settings.dataDir, processInfo.pid, processInfo.isAlive) : null;
  try {
    const server = await startEmbeddedPostgres(settings.dataDir, settings.poolMax + settings.extraConnections);
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
