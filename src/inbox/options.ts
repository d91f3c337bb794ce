import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../log.ts';

export interface DrainerDeps {
  /** The workers' database (not the one acknowledgements insert through). */
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
  readonly newReference: () => string;
}

export interface DrainerOptions {
  /** Deliveries processed at once by this process: the backlog waits in Postgres, not in memory. */
  readonly concurrency: number;
  /**
   * How long (ms) a worker holds a delivery before another may take it over: how soon the work of a
   * crashed process is picked up. A worker still busy renews its lease every third of this.
   */
  readonly leaseMs: number;
  /** How often (ms) to look for work when nothing was announced (other processes' retries). */
  readonly pollMs: number;
  /** Attempts at the effect before the person is told it failed. */
  readonly maxAttempts: number;
  readonly maxReplyAttempts: number;
  /** Wait (ms) before attempt `attempt + 1`. */
  readonly backoffMs: (attempt: number) => number;
  /**
   * This process is the database's only user (the embedded database): at start, deliveries its
   * previous run held are taken back at once instead of when their leases end.
   */
  readonly exclusive: boolean;
  /**
   * True while this process's acknowledgements queue (short of CPU or connections): work on at most
   * `heldConcurrency` deliveries until it is false again — the backlog waits in the inbox, acks
   * keep within the platform's time, and the work never stops altogether.
   */
  readonly holdBack: () => boolean;
  /**
   * Deliveries worked on at once while held back (at least 1). One at a time collapsed the work rate
   * under sustained load (acks queue all the time then, so the workers never came back): the Slack
   * adapter keeps half its workers (docs/benchmarks.md, "Work rate under sustained load").
   */
  readonly heldConcurrency: number;
}

export const DEFAULT_DRAINER_OPTIONS: DrainerOptions = {
  concurrency: 8,
  leaseMs: 30_000,
  pollMs: 1_000,
  maxAttempts: 5,
  maxReplyAttempts: 5,
  backoffMs: (attempt) => Math.min(60_000, 500 * 4 ** (attempt - 1)),
  exclusive: false,
  holdBack: () => false,
  heldConcurrency: 1,
};
