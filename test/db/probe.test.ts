import { describe, expect, it } from 'vitest';
import { DatabaseTimeoutError, probeDatabase } from '../../src/db/probe.ts';
import { startFakePostgres } from '../fakes/fake-postgres.ts';
import { freePort } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('probeDatabase: one connection at start-up, with a deadline', () => {
  it('succeeds against a server that answers', async () => {
    await expect(probeDatabase(database.current.connectionString, 5_000)).resolves.toBeUndefined();
  });

  it("passes on the driver's errno or SQLSTATE", async () => {
    await expect(probeDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/x`, 5_000)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const refusing = await startFakePostgres({ code: '3D000', message: 'database "x" does not exist' });
    try {
      await expect(probeDatabase(refusing.url('postgres', 'x'), 5_000)).rejects.toMatchObject({ code: '3D000', message: 'database "x" does not exist' });
    } finally {
      await refusing.close();
    }
  });

  it('gives up on a server that never answers after the deadline (ms)', async () => {
    const silent = await startFakePostgres(null);
    try {
      const started = performance.now();
      const failure = await probeDatabase(silent.url('postgres', 'x'), 300).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseTimeoutError);
      expect((failure as DatabaseTimeoutError).seconds).toBe(0.3);
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await silent.close();
    }
  });
});
