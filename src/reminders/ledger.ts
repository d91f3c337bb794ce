import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import type { OutboundAddress, SendOutcome } from './outbound.ts';

/** What a ledger row planned: the people, their certificates and steps (the words are made at send time). */
export const deliveryPlanSchema = z.object({
  people: z.array(z.object({ personId: z.string(), credentialId: z.string(), step: z.string(), expiresOn: z.string() })),
});
export type DeliveryPlan = z.infer<typeof deliveryPlanSchema>;

/** A delivery taken for sending: marked `sending` (committed) before anything reaches a platform. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly organisationId: string;
  readonly key: string;
  readonly kind: string;
  readonly platform: string;
  readonly targetId: string | null;
  readonly personId: string | null;
  readonly plan: DeliveryPlan;
  readonly dueAt: DateTime;
  readonly attempts: number;
  /** Where it goes; null when the target was switched off (or stopped) or the person left. */
  readonly address: OutboundAddress | null;
}

interface ClaimRow {
  id: string;
  organisation_id: string;
  key: string;
  kind: string;
  platform: string;
  target_id: string | null;
  person_id: string | null;
  plan: unknown;
  due_at: Date;
  attempts: number;
  tenant_key: string;
  address: string | null;
  target_active: boolean | null;
  platform_user_id: string | null;
  person_active: boolean | null;
}

/**
 * Take up to `limit` due pending deliveries of these platforms and mark them `sending` in one
 * statement (its own committed transaction): `for update skip locked`, so workers in any number of
 * processes never take the same row. Across organisations (raw SQL): the scheduler serves them all.
 */
export async function claimDue(db: Db, now: DateTime, platforms: readonly string[], limit: number): Promise<ClaimedDelivery[]> {
  const at = now.toJSDate();
  const result = await sql<ClaimRow>`
    with due as (
      select r.id from reminder_deliveries r
      where r.status = 'pending' and r.available_at <= ${at} and r.platform = any(${[...platforms]}::text[])
      order by r.available_at, r.id limit ${limit} for update skip locked
    ), claimed as (
      update reminder_deliveries d set status = 'sending', sending_at = ${at}, attempts = d.attempts + 1
      from due where d.id = due.id returning d.*
    )
    select c.id, c.organisation_id, c.key, c.kind, c.platform, c.target_id, c.person_id, c.plan, c.due_at, c.attempts,
      o.external_id as tenant_key, t.address, t.active as target_active, p.platform_user_id, p.active as person_active
    from claimed c join organisations o on o.id = c.organisation_id
    left join reminder_targets t on t.id = c.target_id and t.organisation_id = c.organisation_id
    left join people p on p.id = c.person_id and p.organisation_id = c.organisation_id
    order by c.due_at, c.id`.execute(db);
  return result.rows.map(toClaimed);
}

function toClaimed(r: ClaimRow): ClaimedDelivery {
  return {
    id: String(r.id),
    organisationId: r.organisation_id,
    key: r.key,
    kind: r.kind,
    platform: r.platform,
    targetId: r.target_id,
    personId: r.person_id,
    plan: deliveryPlanSchema.safeParse(r.plan).data ?? { people: [] },
    dueAt: DateTime.fromJSDate(r.due_at, { zone: 'utc' }),
    attempts: r.attempts,
    address: addressOf(r),
  };
}

function addressOf(r: ClaimRow): OutboundAddress | null {
  if (r.target_id) return r.target_active && r.address ? { kind: 'channel', organisationId: r.organisation_id, tenantKey: r.tenant_key, address: r.address } : null;
  return r.person_active && r.platform_user_id ? { kind: 'person', organisationId: r.organisation_id, tenantKey: r.tenant_key, platformUserId: r.platform_user_id } : null;
}

/** After this many attempts that never reached the platform, a delivery is given up as failed. */
export const MAX_ATTEMPTS = 8;
/** Longest wait (ms) between attempts that never reached the platform. */
const MAX_BACKOFF_MS = 5 * 60_000;

/** What became of a claimed delivery, as the ledger keeps it. */
export type LedgerOutcome = SendOutcome | { readonly status: 'skipped'; readonly reason: string } | { readonly status: 'requeued'; readonly availableAt: DateTime };

/**
 * Record an attempt. Only a row still `sending` (or made `unknown` by the reaper meanwhile) is
 * changed. A permanent error stops the target: inactive, and its other pending deliveries skipped.
 */
export async function recordOutcome(db: Db, delivery: ClaimedDelivery, outcome: LedgerOutcome, now: DateTime): Promise<void> {
  const at = now.toJSDate();
  const base = db.updateTable('reminder_deliveries').where('organisation_id', '=', delivery.organisationId).where('id', '=', delivery.id as never).where('status', 'in', ['sending', 'unknown']);
  switch (outcome.status) {
    case 'sent':
      await base.set({ status: 'sent', message_id: outcome.messageId, last_error: null, finished_at: at }).execute();
      return;
    case 'rate-limited':
      // A 429 means nothing was posted: back in line after Retry-After, not counted as an attempt.
      await base.set((eb) => ({ status: 'pending', available_at: now.plus({ milliseconds: outcome.retryAfterMs }).toJSDate(), attempts: eb('attempts', '-', 1), last_error: 'rate-limited' })).execute();
      return;
    case 'requeued':
      await base.set((eb) => ({ status: 'pending', available_at: outcome.availableAt.toJSDate(), attempts: eb('attempts', '-', 1) })).execute();
      return;
    case 'retry':
      if (delivery.attempts >= MAX_ATTEMPTS) await base.set({ status: 'failed', last_error: `gave up: ${outcome.error}`, finished_at: at }).execute();
      else await base.set({ status: 'pending', available_at: now.plus({ milliseconds: Math.min(MAX_BACKOFF_MS, 1000 * 2 ** delivery.attempts) }).toJSDate(), last_error: outcome.error }).execute();
      return;
    case 'unknown':
      await base.set({ status: 'unknown', last_error: outcome.error, finished_at: at }).execute();
      return;
    case 'failed':
      await base.set({ status: 'failed', last_error: outcome.error, finished_at: at }).execute();
      return;
    case 'skipped':
      await base.set({ status: 'skipped', last_error: outcome.reason, finished_at: at }).execute();
      return;
    case 'permanent':
      await base.set({ status: 'failed', last_error: outcome.error, finished_at: at }).execute();
      if (delivery.targetId) await stopTarget(db, delivery.organisationId, delivery.targetId, outcome.error, now);
      return;
  }
}

/** The platform says the target cannot be reached any more: no more sends there. */
async function stopTarget(db: Db, organisationId: string, targetId: string, reason: string, now: DateTime): Promise<void> {
  const at = now.toJSDate();
  await db.updateTable('reminder_targets').set({ active: false, inactive_reason: reason, updated_at: at }).where('organisation_id', '=', organisationId).where('id', '=', targetId).execute();
  await db
    .updateTable('reminder_deliveries')
    .set({ status: 'skipped', last_error: `target stopped: ${reason}`, finished_at: at })
    .where('organisation_id', '=', organisationId)
    .where('target_id', '=', targetId)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Deliveries left `sending` longer than `timeoutMs` (their process died mid-call) become `unknown`:
 * the post may exist, so they are listed, never resent automatically. Across organisations.
 */
export async function reapStale(db: Db, now: DateTime, timeoutMs: number): Promise<number> {
  const result = await sql`
    update reminder_deliveries set status = 'unknown', last_error = 'no answer recorded: the sending process stopped', finished_at = ${now.toJSDate()}
    where status = 'sending' and sending_at < ${now.minus({ milliseconds: timeoutMs }).toJSDate()}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The earliest instant a pending delivery of these platforms may be tried; null when none is pending. */
export async function nextAvailable(db: Db, platforms: readonly string[]): Promise<DateTime | null> {
  const result = await sql<{ at: Date | null }>`
    select min(available_at) as at from reminder_deliveries where status = 'pending' and platform = any(${[...platforms]}::text[])`.execute(db);
  const at = result.rows[0]?.at;
  return at ? DateTime.fromJSDate(at, { zone: 'utc' }) : null;
}
