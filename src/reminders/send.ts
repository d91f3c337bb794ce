import type { DateTime } from 'luxon';
import type { CoreDeps } from '../use-cases/deps.ts';
import { claimDue, nextAvailable, reapStale, recordOutcome, type ClaimedDelivery, type LedgerOutcome } from './ledger.ts';
import type { ReminderMessage, WeekCounts } from './messages.ts';
import type { OutboundAddress, OutboundImage, OutboundPort, SendOutcome } from './outbound.ts';
import { Pacer } from './pacer.ts';
import { Permits } from './permits.ts';

/**
 * Words for claimed deliveries, made at send time from the state checked again then. A delivery
 * left out needs no message any more (the person renewed, completed the cycle) and is skipped.
 */
export type ComposeFn = (deps: CoreDeps, organisationId: string, deliveries: readonly ClaimedDelivery[], now: DateTime) => Promise<readonly ComposedClaim[]>;

/** A claimed delivery's words, or why it is skipped (`nobody-left`, `target-off`, `dms-off`). */
export type ComposedClaim =
  | { readonly delivery: ClaimedDelivery; readonly message: ReminderMessage }
  | { readonly delivery: ClaimedDelivery; readonly message: null; readonly skipped: string };

export interface SenderDeps extends CoreDeps {
  readonly ports: readonly OutboundPort[];
  readonly compose: ComposeFn;
  /** Waits (ms) for a pace slot; tests pass one that moves their clock. */
  readonly sleep: (ms: number) => Promise<void>;
}

export interface SendOptions {
  /** Deliveries claimed at once. */
  readonly batch: number;
  /** Posts in flight at once in this worker. */
  readonly concurrency: number;
  /** A pace slot further off than this (ms) puts the delivery back in line instead of holding it. */
  readonly maxWaitMs: number;
  /** A delivery `sending` for longer than this (ms) was left by a stopped process: `unknown`. */
  readonly sendingTimeoutMs: number;
}

export const DEFAULT_SEND_OPTIONS: SendOptions = { batch: 50, concurrency: 8, maxWaitMs: 2_000, sendingTimeoutMs: 10 * 60_000 };

export type SendTally = Record<'sent' | 'rate-limited' | 'retry' | 'unknown' | 'permanent' | 'failed' | 'skipped' | 'requeued', number>;

const emptyTally = (): SendTally => ({ sent: 0, 'rate-limited': 0, retry: 0, unknown: 0, permanent: 0, failed: 0, skipped: 0, requeued: 0 });

/** One sender per process: its pacer remembers each conversation's and tenant's next slot. */
export class ReminderSender {
  private readonly pacer = new Pacer();
  /** Targets a permanent error stopped in this process: deliveries already claimed for them are skipped, not posted. */
  private readonly stopped = new Set<string>();
  private readonly ports: ReadonlyMap<string, OutboundPort>;
  private readonly deps: SenderDeps;
  private readonly options: SendOptions;

  constructor(deps: SenderDeps, options: SendOptions = DEFAULT_SEND_OPTIONS) {
    this.deps = deps;
    this.options = options;
    this.ports = new Map(deps.ports.map((p) => [p.platform, p]));
  }

  /** Send what is due now, batch after batch, until nothing due is left. */
  async sendDue(tally: SendTally = emptyTally()): Promise<SendTally> {
    const platforms = [...this.ports.keys()];
    await reapStale(this.deps.db, this.deps.clock.now(), this.options.sendingTimeoutMs);
    for (;;) {
      const claimed = await claimDue(this.deps.db, this.deps.clock.now(), platforms, this.options.batch);
      if (claimed.length === 0) return tally;
      await this.sendBatch(claimed, tally);
      this.pacer.prune(this.deps.clock.now().toMillis());
    }
  }

  /**
   * Send what is due, then wait for what was put back (a 429's Retry-After, a pace slot) while it
   * falls within `horizonMs` of the start: `recert nudges run` and tests end with nothing left behind.
   */
  async drain(horizonMs: number): Promise<SendTally> {
    const tally = emptyTally();
    const end = this.deps.clock.now().toMillis() + horizonMs;
    for (;;) {
      await this.sendDue(tally);
      const next = await nextAvailable(this.deps.db, [...this.ports.keys()]);
      if (!next || next.toMillis() > end) return tally;
      await this.deps.sleep(Math.max(0, next.toMillis() - this.deps.clock.now().toMillis()));
    }
  }

  private async sendBatch(claimed: readonly ClaimedDelivery[], tally: SendTally): Promise<void> {
    const jobs: { delivery: ClaimedDelivery; message: ReminderMessage | null; skipped?: string }[] = [];
    for (const [organisationId, deliveries] of groupByOrganisation(claimed)) {
      const reachable = deliveries.filter((d) => d.address !== null);
      const composed = reachable.length ? await this.deps.compose(this.deps, organisationId, reachable, this.deps.clock.now()) : [];
      const byId = new Map(composed.map((c) => [c.delivery.id, c]));
      for (const delivery of deliveries) {
        const c = byId.get(delivery.id);
        jobs.push({ delivery, message: c?.message ?? null, ...(c && c.message === null ? { skipped: c.skipped } : {}) });
      }
    }
    // One queue per conversation, in claim order: a conversation's posts go one after another at its
    // pace, different conversations at once, at most `concurrency` posts in flight. A wait for a pace
    // slot holds no permit, so one busy channel never stalls the others (it did: 5,000 posts to 250
    // conversations took 109 s, see docs/benchmarks.md).
    const permits = new Permits(this.options.concurrency);
    const queues = groupBy(jobs, (job) => this.conversationOf(job.delivery) ?? `none:${job.delivery.id}`);
    await Promise.all(
      [...queues.values()].map(async (queue) => {
        for (const job of queue) this.count(tally, await this.sendOne(job.delivery, job.message, permits, job.skipped));
      }),
    );
  }

  private count(tally: SendTally, outcome: LedgerOutcome): void {
    tally[outcome.status] += 1;
  }

  private async sendOne(delivery: ClaimedDelivery, message: ReminderMessage | null, permits: Permits, skipped?: string): Promise<LedgerOutcome> {
    const port = this.ports.get(delivery.platform);
    if (!delivery.address || !port || !message || (delivery.targetId && this.stopped.has(delivery.targetId))) {
      const outcome = !delivery.address || !port ? skip(delivery.address ? 'no outbound port for this platform' : 'target switched off or person gone') : message ? skip('target stopped') : skip(skipped ?? 'nobody needs it any more');
      await permits.run(() => recordOutcome(this.deps.db, delivery, outcome, this.deps.clock.now()));
      return outcome;
    }
    return this.post(port, delivery, delivery.address, message, permits);
  }

  /** `platform:tenant:channel or user`: what the platform paces; null when the delivery cannot be posted. */
  private conversationOf(delivery: ClaimedDelivery): string | null {
    const to = delivery.address;
    const port = this.ports.get(delivery.platform);
    return to && port ? `${port.platform}:${to.tenantKey}:${to.kind === 'channel' ? to.address : to.platformUserId}` : null;
  }

  /**
   * Wait for this conversation's (and tenant's) slot, then post once and record the outcome; a slot
   * too far off puts it back in line. The next slot counts from the platform's answer.
   */
  private async post(port: OutboundPort, delivery: ClaimedDelivery, to: OutboundAddress, message: ReminderMessage, permits: Permits): Promise<LedgerOutcome> {
    const nowMs = this.deps.clock.now().toMillis();
    const conversation = this.conversationOf(delivery) ?? '';
    const tenant = port.perTenantPerSecond ? `${port.platform}:${to.tenantKey}` : null;
    const at = Math.max(this.pacer.peek(conversation, nowMs), tenant ? this.pacer.peek(tenant, nowMs) : nowMs);
    if (at - nowMs > this.options.maxWaitMs) {
      const outcome: LedgerOutcome = { status: 'requeued', availableAt: this.deps.clock.now().plus({ milliseconds: at - nowMs }) };
      await permits.run(() => recordOutcome(this.deps.db, delivery, outcome, this.deps.clock.now()));
      return outcome;
    }
    this.pacer.reserve(conversation, port.perConversationPerSecond, at);
    if (at > nowMs) await this.deps.sleep(at - nowMs);
    return permits.run(async () => {
      // The tenant's slot is taken once a permit is held: a wait for a permit would otherwise bunch
      // posts of many conversations past the tenant's limit (a conversation's own posts are serial).
      if (tenant && port.perTenantPerSecond) await this.waitForSlot(tenant, port.perTenantPerSecond);
      const outcome = await safely(() => port.post(to, message));
      const answeredMs = this.deps.clock.now().toMillis();
      this.pacer.answered(conversation, port.perConversationPerSecond, answeredMs);
      if (tenant && port.perTenantPerSecond) this.pacer.answered(tenant, port.perTenantPerSecond, answeredMs);
      if (outcome.status === 'rate-limited') this.pacer.holdUntil(conversation, answeredMs + outcome.retryAfterMs);
      if (outcome.status === 'permanent' && delivery.targetId) this.stopped.add(delivery.targetId);
      if (outcome.status === 'sent' && message.kind === 'manager-digest' && message.weeks.length > 0) await this.uploadChart(port, to, message.weeks);
      await recordOutcome(this.deps.db, delivery, outcome, this.deps.clock.now());
      return outcome;
    });
  }

  /** Waits until `key`'s next slot has come, then takes it at that instant (a late waiter never gets an old slot). */
  private async waitForSlot(key: string, perSecond: number): Promise<void> {
    for (;;) {
      const nowMs = this.deps.clock.now().toMillis();
      const at = this.pacer.peek(key, nowMs);
      if (at <= nowMs) return void this.pacer.reserve(key, perSecond, nowMs);
      await this.deps.sleep(at - nowMs);
    }
  }

  /** The digest's chart follows the digest; the digest is out, so a failed upload is logged, never a resend. */
  private async uploadChart(port: OutboundPort, to: OutboundAddress, weeks: readonly WeekCounts[]): Promise<void> {
    const image: OutboundImage = { kind: 'compliance-chart', title: `Compliance, last ${weeks.length} week${weeks.length === 1 ? '' : 's'}`, weeks };
    const outcome = await safely(() => port.uploadImage(to, image));
    if (outcome.status !== 'sent') this.deps.log.warn('manager digest chart not uploaded', { outcome: outcome.status, organisationId: to.organisationId });
  }
}

/** A port that throws is a bug there, not a verdict on the post: it may have left, so `unknown`. */
async function safely(post: () => Promise<SendOutcome>): Promise<SendOutcome> {
  try {
    return await post();
  } catch (error) {
    return { status: 'unknown', error: error instanceof Error ? error.message : String(error) };
  }
}

function skip(reason: string): LedgerOutcome {
  return { status: 'skipped', reason };
}

function groupByOrganisation(claimed: readonly ClaimedDelivery[]): Map<string, ClaimedDelivery[]> {
  return groupBy(claimed, (d) => d.organisationId);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
