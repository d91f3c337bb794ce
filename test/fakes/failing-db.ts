import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Driver } from 'kysely';
import type { Db } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { TenantGuardPlugin } from '../../src/db/tenant-guard.ts';

/** The error pg gives when the server is down. */
export function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}

/** A driver that cannot reach its server: every connection attempt fails with `error()`. */
class UnreachableDriver implements Driver {
  readonly attempts: number[] = [];
  private readonly error: () => Error;

  constructor(error: () => Error) {
    this.error = error;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.attempts.push(this.attempts.length + 1);
    throw this.error();
  }

  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * A Db during an outage: queries are built (and tenant-checked) as usual, then fail as pg fails
 * when the server is unreachable. `attempts` counts the queries that tried.
 */
export function failingDb(error: () => Error = connectionRefused): { readonly db: Db; readonly attempts: () => number } {
  const driver = new UnreachableDriver(error);
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: [new TenantGuardPlugin()],
  });
  return { db, attempts: () => driver.attempts.length };
}
