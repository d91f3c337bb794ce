import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, createPool, type Db } from '../../src/db/connection.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { adminPool } from './postgres-admin.ts';

export interface TestDatabase {
  /** The guarded Kysely instance the app uses. */
  readonly db: Db;
  readonly connectionString: string;
}

/**
 * A migrated database of its own for the calling test file: a clone of the run's template on real
 * Postgres (DATABASE_URL set), or a PGlite loaded from the migrated snapshot. Tests isolate further
 * by creating their own organisation (every query is tenant-scoped).
 */
export function useTestDatabase(): { readonly current: TestDatabase } {
  const holder: { current: TestDatabase } = { current: undefined as unknown as TestDatabase };
  let stop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const opened = process.env.DATABASE_URL ? await clonePostgres(process.env.DATABASE_URL) : await loadPglite();
    holder.current = opened.database;
    stop = opened.stop;
  });
  afterAll(async () => {
    await stop();
  });
  return holder;
}

async function clonePostgres(url: string): Promise<{ database: TestDatabase; stop: () => Promise<void> }> {
  const template = inject('pgTemplate');
  if (!template) throw new Error('global setup did not create a template database');
  const name = `recert_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = adminPool(url);
  await admin.query(`create database ${name} template ${template}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = createDb(createPool({ connectionString: target.toString(), max: 4 }));
  return {
    database: { db, connectionString: target.toString() },
    async stop() {
      await db.destroy();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function loadPglite(): Promise<{ database: TestDatabase; stop: () => Promise<void> }> {
  const snapshot = inject('pgliteSnapshot');
  if (!snapshot) throw new Error('global setup did not create a PGlite snapshot');
  // The same server the app runs: PGlite in a worker thread behind the one-connection-at-a-time socket.
  const server = await startEmbeddedPostgres({ dataDir: null, snapshot, maxConnections: 24 });
  const db = createDb(createPool({ connectionString: server.connectionString, max: 4 }));
  return {
    database: { db, connectionString: server.connectionString },
    async stop() {
      await db.destroy();
      await server.stop();
    },
  };
}
