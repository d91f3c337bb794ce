import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, createPool } from '../../src/db/connection.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('the connection pool', () => {
  it('returns calendar dates as yyyy-MM-dd strings, whatever the server or process zone', async () => {
    const result = await sql<{ d: string }>`select '2024-02-29'::date as d`.execute(database.current.db);
    expect(result.rows[0]?.d).toBe('2024-02-29');
  });

  // PGlite has one backend shared by every socket connection and cannot end one of them alone.
  it.runIf(Boolean(process.env.DATABASE_URL))('survives Postgres ending an idle connection, and reports it', async () => {
    const errors: string[] = [];
    const db = createDb(createPool({ connectionString: database.current.connectionString, max: 2, onConnectionError: (error) => errors.push(error.message) }));
    try {
      await sql`select 1`.execute(db);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and application_name = ''`.execute(database.current.db);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await sql<{ n: number }>`select 1 as n`.execute(db);
      expect(again.rows[0]?.n).toBe(1);
      expect(errors.some((m) => /terminat/i.test(m))).toBe(true);
    } finally {
      await db.destroy();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('survives Postgres ending a connection in use, mid-transaction: only that work fails (20 times)', async () => {
    const errors: string[] = [];
    const db = createDb(createPool({ connectionString: database.current.connectionString, max: 3, onConnectionError: (error) => errors.push(error.message) }));
    try {
      for (let round = 0; round < 20; round += 1) {
        const work = db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          await sql`select pg_terminate_backend(${rows[0]?.pid ?? 0})`.execute(database.current.db);
          await new Promise((resolve) => setTimeout(resolve, 20));
          await sql`select 1`.execute(trx);
        });
        await expect(work).rejects.toThrow();
        const again = await sql<{ n: number }>`select ${round}::int as n`.execute(db);
        expect(again.rows[0]?.n).toBe(round);
      }
      expect(errors.some((m) => /terminat/i.test(m))).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
