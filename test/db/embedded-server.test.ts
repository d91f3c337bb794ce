import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded.ts';

/** The embedded server's own rules: a vanished or idle client never holds the database hostage. */
describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded database server', () => {
  let server: EmbeddedPostgres;
  const events: string[] = [];

  beforeAll(async () => {
    server = await startEmbeddedPostgres({ dataDir: null, snapshot: inject('pgliteSnapshot'), maxConnections: 4, idleInTransactionMs: 1_500, onEvent: (event) => events.push(event) });
    const setup = new pg.Client({ connectionString: server.connectionString });
    await setup.connect();
    await setup.query('create table t (id int primary key, v text)');
    await setup.end();
  }, 60_000);

  afterAll(async () => {
    await server.stop();
  });

  const client = async () => {
    const c = new pg.Client({ connectionString: server.connectionString });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };

  it('rolls back the open transaction of a client that disappears, and serves the others', async () => {
    const dying = await client();
    await dying.query('begin');
    await dying.query("insert into t values (1, 'never committed')");
    // The other client waits for the backend; the dying socket's end releases it, rolled back.
    const started = performance.now();
    const other = client().then(async (c) => ({ c, result: await c.query('select count(*)::int as n from t') }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    (dying as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const { c, result } = await other;
    expect(result.rows[0]?.n).toBe(0);
    expect(performance.now() - started).toBeLessThan(1_000); // not the idle timeout: the close itself
    expect(events).toContain('rolled back the transaction of a closed connection');
    await c.end();
  });

  it('ends a client idle inside a transaction, so others are not blocked forever', async () => {
    const idle = await client();
    await idle.query('begin');
    await idle.query("insert into t values (2, 'idle')");
    const started = performance.now();
    const other = await client();
    const { rows } = await other.query('select count(*)::int as n from t');
    expect(rows[0]?.n).toBe(0);
    expect(performance.now() - started).toBeGreaterThan(1_000);
    expect(events).toContain('ended a connection idle in a transaction');
    await expect(idle.query('commit')).rejects.toThrow();
    await other.end();
  });

  it('refuses a connection past its limit with PostgreSQL\'s own error (53300)', async () => {
    const held = await Promise.all([client(), client(), client(), client()]);
    const extra = new pg.Client({ connectionString: server.connectionString });
    const refused = await extra.connect().then(
      () => null,
      (error: unknown) => error as { code?: string },
    );
    expect(refused?.code).toBe('53300');
    await Promise.all(held.map((c) => c.end()));
  });

  it('keeps a failed statement inside a transaction from leaking into the next client', async () => {
    const a = await client();
    await a.query('begin');
    await expect(a.query('select * from missing_table')).rejects.toThrow(/missing_table/);
    await a.query('rollback');
    const b = await client();
    const { rows } = await b.query('select 1 as one');
    expect(rows[0]?.one).toBe(1);
    await Promise.all([a.end(), b.end()]);
  });
});
