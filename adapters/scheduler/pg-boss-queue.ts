import { PgBoss } from 'pg-boss';
import type { JobQueue, Logger } from '../../src/index.ts';

export interface PgBossSettings {
  readonly connectionString: string;
  /** Connections pg-boss's own pool may hold. */
  readonly max: number;
  /** How often (s) each worker polls for a job (pg-boss's minimum is 0.5). */
  readonly pollSeconds: number;
  readonly log: Logger;
}

/** pg-boss's tables live in a schema of their own, beside the app's. */
export const PG_BOSS_SCHEMA = 'pgboss';

/** A job that fails (a database blip) is tried again this often, this long (s) apart; the next tick covers the rest. */
const QUEUE_OPTIONS = { policy: 'stately', retryLimit: 2, retryDelay: 5, expireInSeconds: 15 * 60, deleteAfterSeconds: 6 * 3600 } as const;

/** How long (ms) `stop` lets running jobs finish: inside the 10 s the runtime gives the whole shutdown. */
const STOP_TIMEOUT_MS = 8_000;

/** The JobQueue port on pg-boss, with start and stop for the process that owns it. */
export interface PgBossQueue extends JobQueue {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss against the app's database (PostgreSQL, or the embedded one through its socket server,
 * where a transaction has the backend to itself, so pg-boss's transactions and advisory locks work
 * as on one server). Queues are `stately`: at most one job of a name (and slot) waits and one runs,
 * so a slow minute never piles up plan jobs. Cron is pg-boss's: each occurrence becomes one job,
 * whatever the number of processes.
 */
export function pgBossQueue(settings: PgBossSettings): PgBossQueue {
  const boss = new PgBoss({ connectionString: settings.connectionString, max: settings.max, schema: PG_BOSS_SCHEMA, application_name: 'recert-scheduler', cronWorkerIntervalSeconds: Math.max(1, Math.min(5, Math.round(settings.pollSeconds))) });
  boss.on('error', (error: unknown) => settings.log.error('job queue error', { error: error instanceof Error ? error.message : String(error) }));
  const created = new Set<string>();
  const ensure = async (name: string) => {
    if (created.has(name)) return;
    if (!(await boss.getQueue(name))) await boss.createQueue(name, QUEUE_OPTIONS).catch(async (error: unknown) => {
      // Another process created it between our look and our create.
      if (!(await boss.getQueue(name))) throw error;
    });
    created.add(name);
  };
  return {
    async start() {
      await boss.start();
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS });
    },
    async work(name, handler) {
      await ensure(name);
      await boss.work(name, { pollingIntervalSeconds: settings.pollSeconds, batchSize: 1 }, async () => handler());
    },
    async schedule(name, cron) {
      await ensure(name);
      await boss.schedule(name, cron);
    },
    async send(name, slot) {
      await ensure(name);
      await boss.send(name, null, slot ? { singletonKey: slot } : {});
    },
  };
}
