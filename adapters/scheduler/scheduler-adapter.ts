import { composeScheduled, scheduledWork, startScheduler, type ComposeFn, type CoreDeps, type OutboundPort, type SendOptions } from '../../src/index.ts';
import type { PlatformAdapter } from '../server/platform-adapter.ts';
import { pgBossQueue, type PgBossQueue } from './pg-boss-queue.ts';

export interface SchedulerAdapterOptions {
  readonly core: CoreDeps;
  readonly connectionString: string;
  /** The running platform adapters' outbound ports: deliveries of other platforms wait for a process that has one. */
  readonly ports: readonly OutboundPort[];
  readonly pollSeconds: number;
  /** Connections for pg-boss's pool. */
  readonly connections: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly sendOptions?: SendOptions;
  /** The words at send time; `composeScheduled` unless a test measures the engine alone. */
  readonly compose?: ComposeFn;
}

/**
 * The scheduler as one of `recert serve`'s adapters: no routes; `start` starts pg-boss and registers
 * the jobs (src/scheduler), `stop` lets running jobs finish and closes pg-boss's pool. Listed after
 * the platforms, so it starts after them and stops before them.
 */
export function createSchedulerAdapter(options: SchedulerAdapterOptions): PlatformAdapter & { readonly queue: PgBossQueue } {
  const { core } = options;
  const queue = pgBossQueue({ connectionString: options.connectionString, max: options.connections, pollSeconds: options.pollSeconds, log: core.log });
  const work = scheduledWork({ ...core, ports: options.ports, compose: options.compose ?? composeScheduled, sleep: options.sleep }, options.sendOptions);
  return {
    name: 'scheduler',
    queue,
    async start() {
      await queue.start();
      await startScheduler(queue, work, core.clock, core.log);
      core.log.info('scheduler started', { platforms: options.ports.map((p) => p.platform) });
    },
    async stop() {
      await queue.stop();
      core.log.info('scheduler stopped');
    },
  };
}
