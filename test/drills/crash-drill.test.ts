import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { runCrashDrill, type DrillReport } from './crash-drill.ts';

/**
 * The crash drill in a small, bounded form (runCrashDrill takes larger counts for longer runs): every acknowledged
 * delivery has exactly one effect, through terminated backends (PostgreSQL, two processes) and a
 * process killed with SIGKILL and restarted (both databases).
 */
const database = useTestDatabase();

function expectClean(report: DrillReport) {
  expect({ missing: report.missingEffects, doubled: report.doubledEffects, unanswered: report.unanswered }).toEqual({ missing: 0, doubled: 0, unanswered: 0 });
  expect(report.acknowledged).toBe(report.sent);
}

describe('crash drill', () => {
  it.runIf(Boolean(process.env.DATABASE_URL))('two processes on PostgreSQL: backends terminated, one process killed and restarted twice', async () => {
    const admin = new pg.Pool({ connectionString: database.current.connectionString, max: 2 });
    admin.on('error', () => undefined);
    try {
      const report = await runCrashDrill({
        env: { DATABASE_URL: database.current.connectionString },
        processes: 2,
        events: 120,
        perSecond: 40,
        killAfter: [40, 85],
        terminate: async () => {
          const { rows } = await admin.query<{ n: string }>('select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
          return Number(rows[0]?.n ?? 0);
        },
        terminateEveryMs: 600,
        draftsByAnchor: async () => {
          const { rows } = await admin.query<{ anchor: string; n: string }>("select anchor, count(*) as n from drafts where anchor like 'slack:D0DRILL:%' group by anchor");
          return new Map(rows.map((r) => [r.anchor, Number(r.n)]));
        },
        unfinished: async () => Number((await admin.query<{ n: string }>("select count(*) as n from inbound_deliveries where status <> 'finished'")).rows[0]?.n ?? 1),
        countAfterStop: false,
        explain: async (deliveryId) => JSON.stringify((await admin.query('select status, attempts, reply_attempts, failed, last_error, outcome from inbound_deliveries where delivery_id = $1', [deliveryId])).rows),
      });
      console.log('crash drill (PostgreSQL)', JSON.stringify(report));
      expectClean(report);
      expect(report.terminatedBackends).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
  }, 240_000);

  it.skipIf(Boolean(process.env.DATABASE_URL))('one process on the embedded database: killed with SIGKILL, restarted on the same data directory', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'recert-drill-'));
    const counting = async <T>(read: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> => {
      const opened = await openDatabase({ url: null, dataDir, poolMax: 2, extraConnections: 0, migrate: false }, { pid: process.pid, isAlive: () => false });
      try {
        return await read(opened);
      } finally {
        await opened.close();
      }
    };
    try {
      const report = await runCrashDrill({
        env: { RECERT_DATA_DIR: dataDir },
        processes: 1,
        events: 50,
        perSecond: 25,
        killAfter: [25],
        terminate: null,
        terminateEveryMs: 0,
        draftsByAnchor: () =>
          counting(async ({ connectionString }) => {
            const client = new pg.Client({ connectionString });
            await client.connect();
            const { rows } = await client.query<{ anchor: string; n: string }>("select anchor, count(*) as n from drafts where anchor like 'slack:D0DRILL:%' group by anchor");
            await client.end();
            return new Map(rows.map((r) => [r.anchor, Number(r.n)]));
          }),
        unfinished: null,
        countAfterStop: true,
      });
      console.log('crash drill (embedded)', JSON.stringify(report));
      expectClean(report);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
