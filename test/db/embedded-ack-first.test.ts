import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACK_APPLICATION_NAME } from '../../src/db/application-names.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded.ts';

/** Issue 6, item 12: an acknowledgement's insert waits for the unit of work running, not for the queue. */
describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded database serves acknowledgement connections first', () => {
  let server: EmbeddedPostgres;

  beforeAll(async () => {
    server = await startEmbeddedPostgres({ dataDir: null, snapshot: inject('pgliteSnapshot'), maxConnections: 8 });
    const setup = new pg.Client({ connectionString: server.connectionString });
    await setup.connect();
    await setup.query('create table done (seq serial primary key, who text not null)');
    await setup.end();
  }, 60_000);

  afterAll(async () => {
    await server.stop();
  });

  const client = async (applicationName?: string) => {
    const c = new pg.Client({ connectionString: server.connectionString, ...(applicationName ? { application_name: applicationName } : {}) });
    await c.connect();
    return c;
  };

  it('runs a queued acknowledgement before the workers queued ahead of it, 20 rounds, every row stored', async () => {
    const holder = await client();
    const workers = await Promise.all([client(), client(), client(), client()]);
    const ack = await client(ACK_APPLICATION_NAME);
    for (let round = 0; round < 20; round += 1) {
      await holder.query('begin');
      await holder.query(`insert into done (who) values ('holder')`);
      // Each worker's insert queues behind the open transaction, then the acknowledgement's.
      const queued = workers.map((w, i) => w.query(`insert into done (who) values ('worker ${i}')`));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const acked = ack.query(`insert into done (who) values ('ack')`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await holder.query('commit');
      await Promise.all([...queued, acked]);
      const { rows } = await holder.query<{ who: string }>('select who from done order by seq');
      await holder.query('delete from done');
      const order = rows.map((r) => r.who);
      expect(order).toHaveLength(6);
      expect(order.slice(0, 2), `round ${round}: ${order.join(', ')}`).toEqual(['holder', 'ack']);
    }
    await Promise.all([holder.end(), ack.end(), ...workers.map((w) => w.end())]);
  }, 60_000);
});
