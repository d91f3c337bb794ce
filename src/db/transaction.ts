import { sql } from 'kysely';
import type { Db } from './connection.ts';

let savepoints = 0;

/**
 * Run `work` atomically: in a new transaction, or — when `db` already is one (a delivery from the
 * inbox is processed inside the transaction that marks it done) — in a savepoint of it, so that a
 * failure inside still undoes exactly what `work` wrote.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(work);
  savepoints += 1;
  const name = sql.id(`recert_sp_${savepoints}`);
  await sql`savepoint ${name}`.execute(db);
  try {
    const result = await work(db);
    await sql`release savepoint ${name}`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(db);
    throw error;
  }
}
