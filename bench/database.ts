import { createDb, createPool, type Db } from '../src/db/connection.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** DATABASE_URL when set (a throwaway database is NOT created: point it at one), else in-memory PGlite. */
export async function benchDatabase(): Promise<{ db: Db; label: string; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const db = createDb(createPool({ connectionString: url, max: 8 }));
    await migrateToLatest(db);
    return { db, label: 'PostgreSQL (DATABASE_URL)', close: () => db.destroy() };
  }
  const server = await startEmbeddedPostgres({ dataDir: null, maxConnections: 10 });
  const db = createDb(createPool({ connectionString: server.connectionString, max: 8 }));
  await migrateToLatest(db);
  return { db, label: 'embedded PGlite (in memory)', close: async () => (await db.destroy(), await server.stop()) };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
