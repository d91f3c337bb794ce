import { sql } from 'kysely';
import type { DateTime } from 'luxon';
import type { Db } from '../connection.ts';

/**
 * Housekeeping across organisations (raw SQL on purpose, as the scheduler's reads: one statement
 * each, whatever the number of tenants). Run by a scheduled job; safe to run twice or at once.
 */

/** Slack retries an event for a few minutes; an hour (ms) after that a replay guard is dead weight. */
export const INBOUND_RETENTION_MS = 60 * 60_000;
/** A draft nobody touched for this long (days) is abandoned: cancelled, never confirmed later. */
export const DRAFT_ABANDONED_DAYS = 14;

export interface HousekeepingTally {
  readonly processedInbound: number;
  readonly inboundDeliveries: number;
  readonly draftsExpired: number;
  /** Teams exports past their offer's expiry (taken or not): their bytes are no use to anyone now. */
  readonly fileOffersExpired: number;
}

export async function houseKeep(db: Db, now: DateTime): Promise<HousekeepingTally> {
  const inboundBefore = now.minus({ milliseconds: INBOUND_RETENTION_MS }).toJSDate();
  const draftsBefore = now.minus({ days: DRAFT_ABANDONED_DAYS }).toJSDate();
  const processed = await sql`delete from processed_inbound where received_at < ${inboundBefore}`.execute(db);
  // Only finished deliveries: a pending or leased one is still someone's work.
  const deliveries = await sql`delete from inbound_deliveries where status = 'finished' and received_at < ${inboundBefore}`.execute(db);
  const drafts = await sql`update drafts set status = 'cancelled', updated_at = ${now.toJSDate()} where status = 'open' and updated_at < ${draftsBefore}`.execute(db);
  const offers = await sql`delete from file_offers where expires_at <= ${now.toJSDate()}`.execute(db);
  return {
    processedInbound: Number(processed.numAffectedRows ?? 0),
    inboundDeliveries: Number(deliveries.numAffectedRows ?? 0),
    draftsExpired: Number(drafts.numAffectedRows ?? 0),
    fileOffersExpired: Number(offers.numAffectedRows ?? 0),
  };
}
