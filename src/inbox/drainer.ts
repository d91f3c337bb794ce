import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import {
  claimDueInbound,
  extendLease,
  finishInbound,
  holdsLease,
  recordOutcome,
  releaseAllLeases,
  retryInboundLater,
  retryReplyLater,
  type ClaimedInbound,
} from '../db/repositories/inbound-deliveries.ts';
import type { Logger } from '../log.ts';
import { PermanentDeliveryError, type InboundHandler } from './handler.ts';

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
}

export const DEFAULT_DRAINER_OPTIONS: DrainerOptions = {
  concurrency: 8,
  leaseMs: 30_000,
  pollMs: 1_000,
  maxAttempts: 5,
  maxReplyAttempts: 5,
  backoffMs: (attempt) => Math.min(60_000, 500 * 4 ** (attempt - 1)),
  exclusive: false,
};

class LostLease extends Error {}

/**
 * Works off the inbox: takes due deliveries from Postgres (any process may), does each effect
 * exactly once — the effect and its outcome commit in one transaction, under a lease — and then
 * sends the outcome. A crash, a failed connection or a kill leaves the delivery due again.
 */
export class InboxDrainer {
  private running = false;
  private readonly active = new Set<Promise<void>>();
  private wake: (() => void) | null = null;
  /** A kick that arrived while the loop was busy: the next nap returns at once. */
  private kicked = false;
  private loop: Promise<void> | null = null;
  private readonly deps: DrainerDeps;
  private readonly handlers: ReadonlyMap<string, InboundHandler>;
  private readonly options: DrainerOptions;

  constructor(deps: DrainerDeps, handlers: ReadonlyMap<string, InboundHandler>, options: Partial<DrainerOptions> = {}) {
    this.deps = deps;
    this.handlers = handlers;
    this.options = { ...DEFAULT_DRAINER_OPTIONS, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.recover().then(() => this.run());
  }

  private async recover(): Promise<void> {
    if (!this.options.exclusive) return;
    const released = await releaseAllLeases(this.deps.db, [...this.handlers.keys()], this.now()).catch((error: unknown) => (this.claimFailed(error), 0));
    if (released) this.deps.log.warn('inbox: took back deliveries the previous run left unfinished', { count: released });
  }

  /** Stop taking work; resolves when what was taken is done. */
  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    await Promise.allSettled([...this.active]);
  }

  /** Something new was stored: look now rather than at the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Process everything due now, one batch after another, and return how many (tests, `nudges run`). */
  async drainOnce(): Promise<number> {
    let done = 0;
    for (;;) {
      const batch = await this.claim(this.options.concurrency);
      if (batch.length === 0) return done;
      await Promise.all(batch.map((item) => this.process(item)));
      done += batch.length;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.kicked = false;
      const free = this.options.concurrency - this.active.size;
      const batch = free > 0 ? await this.claim(free).catch((error: unknown) => this.claimFailed(error)) : [];
      for (const item of batch) this.track(this.process(item));
      if (batch.length === 0 || this.active.size >= this.options.concurrency) await this.nap();
    }
  }

  private claim(limit: number): Promise<ClaimedInbound[]> {
    return claimDueInbound(this.deps.db, [...this.handlers.keys()], this.deps.clock.now().toJSDate(), this.options.leaseMs, limit);
  }

  private claimFailed(error: unknown): ClaimedInbound[] {
    this.deps.log.warn('inbox: could not take work; retrying', { error: messageOf(error) });
    return [];
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.deps.log.error('inbox: unexpected failure', { error: messageOf(error) }))
      .finally(() => {
        this.active.delete(tracked);
        this.kick();
      });
    this.active.add(tracked);
  }

  /** Wait for a kick, a finished delivery, or the poll interval. */
  private nap(): Promise<void> {
    if (this.kicked || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /** Process one delivery, renewing its lease while it runs. */
  private async process(item: ClaimedInbound): Promise<void> {
    const heartbeat = setInterval(() => {
      const until = new Date(this.now().getTime() + this.options.leaseMs);
      extendLease(this.deps.db, item.id, item.leaseToken, until).catch((error: unknown) => this.bookkeepingFailed(item, error));
    }, this.options.leaseMs / 3);
    heartbeat.unref?.();
    try {
      await this.processLeased(item);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async processLeased(item: ClaimedInbound): Promise<void> {
    const handler = this.handlers.get(item.platform);
    if (!handler) return this.giveUp(item, `no handler for platform ${item.platform}`);
    if (item.status === 'replying') return this.deliver(handler, item, item.outcome, item.failed);
    try {
      const prepared = await handler.prepare(item);
      const outcome = await this.deps.db.transaction().execute(async (trx) => {
        if (!(await holdsLease(trx, item.id, item.leaseToken))) throw new LostLease();
        const result = await handler.apply({ db: trx, clock: this.deps.clock, log: this.deps.log }, item, prepared);
        await recordOutcome(trx, item.id, item.leaseToken, result, false, null, this.now(), this.options.leaseMs);
        return result;
      });
      await this.deliver(handler, item, outcome, false);
    } catch (error) {
      if (error instanceof LostLease) return void this.deps.log.warn('inbox: another worker took over a delivery', { id: item.id });
      await this.effectFailed(handler, item, error);
    }
  }

  private async effectFailed(handler: InboundHandler, item: ClaimedInbound, error: unknown): Promise<void> {
    const final = error instanceof PermanentDeliveryError || item.attempts >= this.options.maxAttempts;
    const fields = { id: item.id, platform: item.platform, kind: item.kind, attempt: item.attempts, error: messageOf(error) };
    if (!final) {
      this.deps.log.warn('inbox: delivery failed; will retry', fields);
      const at = new Date(this.now().getTime() + this.options.backoffMs(item.attempts));
      return retryInboundLater(this.deps.db, item.id, item.leaseToken, at, messageOf(error)).catch((e: unknown) => this.bookkeepingFailed(item, e));
    }
    const reference = this.deps.newReference();
    this.deps.log.error('inbox: delivery failed for good; telling the person', { ...fields, reference });
    const notice = handler.failure(item, reference);
    try {
      await recordOutcome(this.deps.db, item.id, item.leaseToken, notice, true, messageOf(error), this.now(), this.options.leaseMs);
    } catch (e) {
      return this.bookkeepingFailed(item, e);
    }
    await this.deliver(handler, item, notice, true);
  }

  private async deliver(handler: InboundHandler, item: ClaimedInbound, outcome: unknown, failed: boolean): Promise<void> {
    try {
      await handler.deliver(item, outcome, failed);
      await finishInbound(this.deps.db, item.id, item.leaseToken, this.now());
    } catch (error) {
      const fields = { id: item.id, platform: item.platform, kind: item.kind, replyAttempt: item.replyAttempts, error: messageOf(error) };
      if (error instanceof PermanentDeliveryError || item.replyAttempts >= this.options.maxReplyAttempts) {
        this.deps.log.error('inbox: could not send the reply; giving up', fields);
        return finishInbound(this.deps.db, item.id, item.leaseToken, this.now(), messageOf(error)).catch((e: unknown) => this.bookkeepingFailed(item, e));
      }
      this.deps.log.warn('inbox: could not send the reply; will retry', fields);
      const at = new Date(this.now().getTime() + this.options.backoffMs(item.replyAttempts + 1));
      await retryReplyLater(this.deps.db, item.id, item.leaseToken, at, messageOf(error)).catch((e: unknown) => this.bookkeepingFailed(item, e));
    }
  }

  private async giveUp(item: ClaimedInbound, why: string): Promise<void> {
    this.deps.log.error('inbox: delivery cannot be handled', { id: item.id, why });
    await finishInbound(this.deps.db, item.id, item.leaseToken, this.now(), why);
  }

  /** The database failed while recording progress: the lease runs out and the delivery comes back. */
  private bookkeepingFailed(item: ClaimedInbound, error: unknown): void {
    this.deps.log.warn('inbox: could not record progress; the delivery will be taken again when its lease ends', { id: item.id, error: messageOf(error) });
  }

  private now(): Date {
    return this.deps.clock.now().toJSDate();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
