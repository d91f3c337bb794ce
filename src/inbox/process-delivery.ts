import {
  extendLease,
  finishInbound,
  recordOutcome,
  retryInboundLater,
  retryReplyLater,
  type ClaimedInbound,
} from '../db/repositories/inbound-deliveries.ts';
import type { DrainerDeps, DrainerOptions } from './options.ts';
import { PermanentDeliveryError, type InboundHandler } from './handler.ts';

/** What one delivery's processing needs from the drainer that took it. */
export interface DeliveryContext {
  readonly deps: DrainerDeps;
  readonly handlers: ReadonlyMap<string, InboundHandler>;
  readonly options: DrainerOptions;
}

/** Thrown inside the effect's transaction when another worker took the delivery over: nothing is written. */
class LostLease extends Error {}

/** Process one delivery, renewing its lease while it runs. */
export async function processDelivery(ctx: DeliveryContext, item: ClaimedInbound): Promise<void> {
  const heartbeat = setInterval(() => {
    const until = new Date(now(ctx).getTime() + ctx.options.leaseMs);
    extendLease(ctx.deps.db, item.id, item.leaseToken, until).catch((error: unknown) => bookkeepingFailed(ctx, item, error));
  }, ctx.options.leaseMs / 3);
  heartbeat.unref?.();
  try {
    await processLeased(ctx, item);
  } finally {
    clearInterval(heartbeat);
  }
}

async function processLeased(ctx: DeliveryContext, item: ClaimedInbound): Promise<void> {
  const handler = ctx.handlers.get(item.platform);
  if (!handler) return giveUp(ctx, item, `no handler for platform ${item.platform}`);
  if (item.status === 'replying') return deliver(ctx, handler, item, item.outcome, item.failed);
  try {
    const prepared = await handler.prepare(item);
    const outcome = await ctx.deps.db.transaction().execute(async (trx) => {
      const result = await handler.apply({ db: trx, clock: ctx.deps.clock, log: ctx.deps.log }, item, prepared);
      // The lease is checked with the outcome's write (one query less per delivery): lost, the effect rolls back.
      if (!(await recordOutcome(trx, item.id, item.leaseToken, result, false, null, now(ctx), ctx.options.leaseMs))) throw new LostLease();
      return result;
    });
    await deliver(ctx, handler, item, outcome, false);
  } catch (error) {
    if (error instanceof LostLease) return void ctx.deps.log.warn('inbox: another worker took over a delivery', { id: item.id });
    await effectFailed(ctx, handler, item, error);
  }
}

async function effectFailed(ctx: DeliveryContext, handler: InboundHandler, item: ClaimedInbound, error: unknown): Promise<void> {
  const final = error instanceof PermanentDeliveryError || item.attempts >= ctx.options.maxAttempts;
  const fields = { id: item.id, platform: item.platform, kind: item.kind, attempt: item.attempts, error: messageOf(error) };
  if (!final) {
    ctx.deps.log.warn('inbox: delivery failed; will retry', fields);
    const at = new Date(now(ctx).getTime() + ctx.options.backoffMs(item.attempts));
    return retryInboundLater(ctx.deps.db, item.id, item.leaseToken, at, messageOf(error)).catch((e: unknown) => bookkeepingFailed(ctx, item, e));
  }
  const reference = ctx.deps.newReference();
  ctx.deps.log.error('inbox: delivery failed for good; telling the person', { ...fields, reference });
  const notice = handler.failure(item, reference);
  try {
    if (!(await recordOutcome(ctx.deps.db, item.id, item.leaseToken, notice, true, messageOf(error), now(ctx), ctx.options.leaseMs))) {
      return void ctx.deps.log.warn('inbox: another worker took over a delivery', { id: item.id });
    }
  } catch (e) {
    return bookkeepingFailed(ctx, item, e);
  }
  await deliver(ctx, handler, item, notice, true);
}

async function deliver(ctx: DeliveryContext, handler: InboundHandler, item: ClaimedInbound, outcome: unknown, failed: boolean): Promise<void> {
  try {
    await handler.deliver(item, outcome, failed);
    await finishInbound(ctx.deps.db, item.id, item.leaseToken, now(ctx));
  } catch (error) {
    const fields = { id: item.id, platform: item.platform, kind: item.kind, replyAttempt: item.replyAttempts, error: messageOf(error) };
    if (error instanceof PermanentDeliveryError || item.replyAttempts >= ctx.options.maxReplyAttempts) {
      ctx.deps.log.error('inbox: could not send the reply; giving up', fields);
      return finishInbound(ctx.deps.db, item.id, item.leaseToken, now(ctx), messageOf(error)).catch((e: unknown) => bookkeepingFailed(ctx, item, e));
    }
    ctx.deps.log.warn('inbox: could not send the reply; will retry', fields);
    const at = new Date(now(ctx).getTime() + ctx.options.backoffMs(item.replyAttempts + 1));
    await retryReplyLater(ctx.deps.db, item.id, item.leaseToken, at, messageOf(error)).catch((e: unknown) => bookkeepingFailed(ctx, item, e));
  }
}

async function giveUp(ctx: DeliveryContext, item: ClaimedInbound, why: string): Promise<void> {
  ctx.deps.log.error('inbox: delivery cannot be handled', { id: item.id, why });
  await finishInbound(ctx.deps.db, item.id, item.leaseToken, now(ctx), why);
}

/** The database failed while recording progress: the lease runs out and the delivery comes back. */
function bookkeepingFailed(ctx: DeliveryContext, item: ClaimedInbound, error: unknown): void {
  ctx.deps.log.warn('inbox: could not record progress; the delivery will be taken again when its lease ends', { id: item.id, error: messageOf(error) });
}

function now(ctx: DeliveryContext): Date {
  return ctx.deps.clock.now().toJSDate();
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
