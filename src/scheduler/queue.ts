/**
 * The job queue as the scheduler sees it: pg-boss implements it (adapters/cli/pg-boss-queue.ts),
 * tests pass a fake. Jobs carry no data: each handler reads what is due from the database at the
 * injected clock's now, so a job run twice, late or by another process does no harm.
 */
export interface JobQueue {
  /**
   * Create the queue (if it does not exist) and run `handler` for its jobs in this process, one at
   * a time; every process that calls it shares the queue's jobs.
   */
  work(name: string, handler: () => Promise<void>): Promise<void>;
  /** Queue one job of `name` per occurrence of `cron` (UTC, five fields), once whatever the number of processes. */
  schedule(name: string, cron: string): Promise<void>;
  /** Queue a job now; with `slot`, at most one of that slot waits in the queue at a time. */
  send(name: string, slot?: string): Promise<void>;
}
