import { sql } from 'kysely';
import type { Db } from '../connection.ts';

export interface NewInbound {
  readonly platform: string;
  readonly deliveryId: string;
  readonly kind: string;
  readonly tenantKey: string;
  readonly userKey: string | null;
  readonly payload: unknown;
}

export type InboundStatus = 'pending' | 'processing' | 'replying' | 'finished';

/** A delivery a worker holds: its lease token proves the hold when it writes the outcome. */
export interface ClaimedInbound {
  readonly id: string;
  readonly platform: string;
  readonly deliveryId: string;
  readonly kind: string;
  readonly tenantKey: string;
  readonly userKey: string | null;
  readonly payload: unknown;
  readonly receivedAt: Date;
  /** `processing`: the effect is to be done; `replying`: done, the outcome is still to be sent. */
  readonly status: 'processing' | 'replying';
  readonly attempts: number;
  readonly replyAttempts: number;
  readonly leaseToken: string;
  readonly outcome: unknown;
  readonly failed: boolean;
}

/**
 * Store a delivery before it is acknowledged: one indexed insert. False when the platform sent
 * this delivery before (a retry, a replay): it is stored once, and handled once.
 */
export async function enqueueInbound(db: Db, item: NewInbound, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('inbound_deliveries')
    .values({
      platform: item.platform,
      delivery_id: item.deliveryId,
      kind: item.kind,
      tenant_key: item.tenantKey,
      user_key: item.userKey,
      payload: JSON.stringify(item.payload),
      received_at: now,
      status: 'pending',
      available_at: now,
    })
    .onConflict((oc) => oc.columns(['platform', 'delivery_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Take up to `limit` due deliveries of `platforms` (oldest first) for `leaseMs`: pending ones, ones whose worker's
 * lease ran out (it crashed, or a connection failed), and done ones whose reply is still unsent.
 * SKIP LOCKED lets workers of several processes take different rows.
 */
export async function claimDueInbound(db: Db, platforms: readonly string[], now: Date, leaseMs: number, limit: number): Promise<ClaimedInbound[]> {
  const until = new Date(now.getTime() + leaseMs);
  const due = db
    .selectFrom('inbound_deliveries')
    .select('id')
    .where('status', '<>', 'finished')
    .where('platform', 'in', [...platforms])
    .where('available_at', '<=', now)
    .orderBy('available_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('inbound_deliveries')
    .set((eb) => ({
      status: eb.case().when('status', '=', 'replying').then(sql.lit<InboundStatus>('replying')).else(sql.lit<InboundStatus>('processing')).end(),
      attempts: eb.case().when('status', '=', 'replying').then(eb.ref('attempts')).else(eb('attempts', '+', 1)).end(),
      reply_attempts: eb.case().when('status', '=', 'replying').then(eb('reply_attempts', '+', 1)).else(eb.ref('reply_attempts')).end(),
      lease_token: sql<string>`gen_random_uuid()`,
      available_at: until,
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    platform: row.platform,
    deliveryId: row.delivery_id,
    kind: row.kind,
    tenantKey: row.tenant_key,
    userKey: row.user_key,
    payload: JSON.parse(row.payload) as unknown,
    receivedAt: row.received_at,
    status: row.status === 'replying' ? 'replying' : 'processing',
    attempts: row.attempts,
    replyAttempts: row.reply_attempts,
    leaseToken: row.lease_token ?? '',
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as unknown),
    failed: row.failed,
  }));
}

/**
 * The effect is done (in the effect's transaction): keep the lease while the outcome is sent. False
 * when this worker no longer holds the delivery (its lease ran out and another took it over): then
 * the caller must roll its effect back. The update locks the row, so a worker taking the delivery
 * over (SKIP LOCKED) either ran first — then this matches nothing — or waits until this commits.
 */
export async function recordOutcome(trx: Db, id: string, leaseToken: string, outcome: unknown, failed: boolean, lastError: string | null, now: Date, leaseMs: number): Promise<boolean> {
  const result = await trx
    .updateTable('inbound_deliveries')
    .set({ status: 'replying', outcome: JSON.stringify(outcome ?? null), failed, last_error: lastError === null ? null : storable(lastError), processed_at: now, available_at: new Date(now.getTime() + leaseMs) })
    .where('id', '=', id)
    .where('lease_token', '=', leaseToken)
    .where('status', '=', 'processing')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Make every held delivery due now. Only for a process that is sure to be the database's only
 * user (the embedded database, guarded by its lock file): whatever is held was held by its own
 * previous run, which crashed or was killed, so there is no reason to wait for those leases to end.
 */
export async function releaseAllLeases(db: Db, platforms: readonly string[], now: Date): Promise<number> {
  const result = await db
    .updateTable('inbound_deliveries')
    .set({ lease_token: null, available_at: now })
    .where('platform', 'in', [...platforms])
    .where('status', 'in', ['processing', 'replying'])
    .where('available_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Still working on it: push the lease's end to `until` (a heartbeat while a slow delivery runs). */
export async function extendLease(db: Db, id: string, leaseToken: string, until: Date): Promise<void> {
  await db.updateTable('inbound_deliveries').set({ available_at: until }).where('id', '=', id).where('lease_token', '=', leaseToken).where('status', '<>', 'finished').execute();
}

/** The effect failed (a passing fault): back to pending, not before `availableAt`. */
export async function retryInboundLater(db: Db, id: string, leaseToken: string, availableAt: Date, error: string): Promise<void> {
  await db
    .updateTable('inbound_deliveries')
    .set({ status: 'pending', lease_token: null, available_at: availableAt, last_error: storable(error) })
    .where('id', '=', id)
    .where('lease_token', '=', leaseToken)
    .where('status', '=', 'processing')
    .execute();
}

/** Sending the outcome failed: try again after `availableAt` (the effect stays done). */
export async function retryReplyLater(db: Db, id: string, leaseToken: string, availableAt: Date, error: string): Promise<void> {
  await db
    .updateTable('inbound_deliveries')
    .set({ lease_token: null, available_at: availableAt, last_error: storable(error) })
    .where('id', '=', id)
    .where('lease_token', '=', leaseToken)
    .where('status', '=', 'replying')
    .execute();
}

export async function finishInbound(db: Db, id: string, leaseToken: string, now: Date, error: string | null = null): Promise<void> {
  await db
    .updateTable('inbound_deliveries')
    .set((eb) => ({ status: 'finished', lease_token: null, finished_at: now, last_error: error === null ? eb.ref('last_error') : storable(error) }))
    .where('id', '=', id)
    .where('lease_token', '=', leaseToken)
    .execute();
}

/** Housekeeping: forget finished deliveries received before `before` (past every retry window). */
export async function pruneFinishedInbound(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('inbound_deliveries').where('status', '=', 'finished').where('finished_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How many deliveries are in each state (benchmarks, drills, `status` of the process). */
export async function countInbound(db: Db): Promise<Record<InboundStatus, number> & { failed: number }> {
  const rows = await db
    .selectFrom('inbound_deliveries')
    .select(['status', 'failed', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['status', 'failed'])
    .execute();
  const counts = { pending: 0, processing: 0, replying: 0, finished: 0, failed: 0 };
  for (const row of rows) {
    counts[row.status] += Number(row.n);
    if (row.failed) counts.failed += Number(row.n);
  }
  return counts;
}

/** An error message as a text column takes it: bounded, and without NUL (PostgreSQL refuses it in text). */
function storable(message: string): string {
  return message.replaceAll('\u0000', '\\0').slice(0, 2000);
}
