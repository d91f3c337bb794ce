import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { TenantGuardPlugin } from './tenant-guard.ts';

export type Db = Kysely<Database>;

const DATE_OID = 1082;

/**
 * Calendar dates stay `yyyy-MM-dd` strings: pg's default turns them into a Date at the server's
 * local midnight, which shifts the day in any zone west of it.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  readonly connectionString: string;
  /** Connections in the pool; the embedded server must allow at least this many. */
  readonly max: number;
  /**
   * Told when a connection fails (the server restarted, an admin or a failover ended it), idle or in
   * use. Only the work on that connection fails; the pool drops it and opens another.
   */
  readonly onConnectionError?: (error: Error) => void;
  /** Give up waiting for a connection after this long (ms); unlimited when absent. */
  readonly connectionTimeoutMs?: number;
  /** The connections' application_name (the embedded server serves ACK_APPLICATION_NAME's first). */
  readonly applicationName?: string;
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max, types, ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}), ...(options.applicationName ? { application_name: options.applicationName } : {}) });
  // Without listeners, a connection's 'error' event (Postgres restarting, pg_terminate_backend)
  // crashes the process: the pool listens on idle connections, and each client on its own while
  // checked out (pg-pool stops listening then). The query in flight still rejects; on release the
  // pool sees the connection is dead and removes it.
  pool.on('error', (error) => options.onConnectionError?.(error));
  pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
  return pool;
}

/** A Kysely instance over `pool` that refuses queries on tenant tables without an organisation filter. */
export function createDb(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new TenantGuardPlugin()] });
}
