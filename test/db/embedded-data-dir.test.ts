import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';

async function query<T extends pg.QueryResultRow>(connectionString: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A first start on an empty data directory creates the database in a thread of its own (which then
 * ends, freeing initdb's memory) and serves it from another; what it wrote is there on the next start.
 */
describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded database on a data directory', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the database on the first start, with 16MB of shared buffers, and keeps what was written', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'recert-embedded-dir-'));
    const first = await startEmbeddedPostgres({ dataDir, maxConnections: 2 });
    try {
      await expect(access(path.join(dataDir, 'PG_VERSION'))).resolves.toBeUndefined();
      expect(await query(first.connectionString, "select current_setting('shared_buffers') as v")).toEqual([{ v: '16MB' }]);
      await query(first.connectionString, "create table kept (v text); insert into kept values ('written before the restart')");
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir, maxConnections: 2 });
    try {
      expect(await query(second.connectionString, 'select v from kept')).toEqual([{ v: 'written before the restart' }]);
    } finally {
      await second.stop();
    }
  }, 180_000);
});
