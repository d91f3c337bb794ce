import { claimDueInbound, releaseAllLeases, type ClaimedInbound } from '../db/repositories/inbound-deliveries.ts';
import type { InboundHandler } from './handler.ts';
import { DEFAULT_DRAINER_OPTIONS, type DrainerDeps, type DrainerOptions } from './options.ts';
import { messageOf, processDelivery } from './process-delivery.ts';

export { DEFAULT_DRAINER_OPTIONS, type DrainerDeps, type DrainerOptions } from './options.ts';

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
  /**
   * Something may be due that the last claim did not see: a delivery stored here since, or the poll
   * interval passed (retries, other processes' work). A worker finishing alone is no reason to
   * claim: at an easy pace that claim found nothing, one query per command for nothing.
   */
  private fresh = true;
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
    this.fresh = true;
    this.nudge();
  }

  /** Wake the loop (a worker is free again) without a reason to claim beyond the backlog. */
  private nudge(): void {
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
    let backlog = false;
    while (this.running) {
      this.kicked = false;
      // Held back (acknowledgements queueing): fewer workers, never none, so the work goes on.
      const limit = this.options.holdBack() ? Math.max(1, Math.min(this.options.heldConcurrency, this.options.concurrency)) : this.options.concurrency;
      const free = limit - this.active.size;
      // Under a backlog, claim in batches (half the workers at a time) rather than one claim query
      // per finished delivery: the claim was a sixth of the queries per command at full load.
      const enough = backlog && this.active.size > 0 ? Math.ceil(limit / 2) : 1;
      const look = (this.fresh || backlog) && free >= enough;
      // Cleared before the claim: a delivery stored while it runs sets it again.
      if (look) this.fresh = false;
      const batch: ClaimedInbound[] = look ? await this.claim(free).catch((error: unknown) => this.claimFailed(error)) : [];
      if (look) backlog = batch.length === free;
      for (const item of batch) this.track(this.process(item));
      if ((batch.length === 0 || this.active.size >= limit) && (await this.nap()) === 'poll') this.fresh = true;
    }
  }

  private claim(limit: number): Promise<ClaimedInbound[]> {
    return claimDueInbound(this.deps.db, [...this.handlers.keys()], this.deps.clock.now().toJSDate(), this.options.leaseMs, limit);
  }

  private claimFailed(error: unknown): ClaimedInbound[] {
    this.fresh = true; // whatever was due still is
    this.deps.log.warn('inbox: could not take work; retrying', { error: messageOf(error) });
    return [];
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.deps.log.error('inbox: unexpected failure', { error: messageOf(error) }))
      .finally(() => {
        this.active.delete(tracked);
        this.nudge();
      });
    this.active.add(tracked);
  }

  /** Wait for a kick, a finished delivery ('woken'), or the poll interval ('poll'). */
  private nap(): Promise<'woken' | 'poll'> {
    if (this.kicked || !this.running) return Promise.resolve('woken');
    return new Promise((resolve) => {
      const timer = setTimeout(() => done('poll'), this.options.pollMs);
      timer.unref?.();
      function done(why: 'woken' | 'poll') {
        clearTimeout(timer);
        resolve(why);
      }
      this.wake = () => {
        this.wake = null;
        done('woken');
      };
    });
  }

  private process(item: ClaimedInbound): Promise<void> {
    return processDelivery({ deps: this.deps, handlers: this.handlers, options: this.options }, item);
  }

  private now(): Date {
    return this.deps.clock.now().toJSDate();
  }
}

