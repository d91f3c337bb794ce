import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '../db/connection.ts';
import { addDays, localDate } from '../domain/dates.ts';
import { sendInstant } from './send-time.ts';

/**
 * The ledger rows of the two weekly messages that are not about a certificate: a manager's opt-in
 * digest and the admins' note about deliveries left `unknown`. Planned into the same ledger as the
 * reminders (one key per person and week, `on conflict do nothing`), so two processes or a restart
 * plan each once, and sent by the same sender. Across organisations, so raw SQL for the reads.
 */

/** A digest whose send time passed longer ago than this (hours) is not sent late: never a stale digest. */
export const DIGEST_CATCH_UP_HOURS = 24;
/** The admins' note lists what became unknown in the last this many days (older ones were listed before). */
export const UNKNOWN_NOTE_DAYS = 7;

interface DigestRow {
  organisation_id: string;
  person_id: string;
  platform: string;
  weekday: number;
  send_at: string;
  zone: string;
  updated_at: Date;
}

/** The latest local `weekday` at `sendAt` in `zone` not after `now` (within the last 8 days), with its local day. */
export function latestOccurrence(now: DateTime, weekday: number, sendAt: string, zone: string): { readonly day: string; readonly at: DateTime } | null {
  const today = localDate(now, zone);
  for (let back = 0; back <= 7; back += 1) {
    const day = addDays(today, -back);
    if (DateTime.fromISO(day, { zone: 'utc' }).weekday !== weekday) continue;
    const at = sendInstant(day, sendAt, zone);
    if (at <= now) return { day, at };
  }
  return null;
}

/** Plan every manager digest whose weekly time has come (since it was set, within the catch-up window). Returns how many were new. */
export async function planManagerDigests(db: Db, now: DateTime): Promise<number> {
  const rows = await sql<DigestRow>`
    select m.organisation_id, m.person_id, o.platform, m.weekday, m.send_at, coalesce(p.time_zone, o.time_zone) as zone, m.updated_at
    from manager_digests m join people p on p.id = m.person_id and p.organisation_id = m.organisation_id
    join organisations o on o.id = m.organisation_id
    where m.active and p.active`.execute(db);
  const floor = now.minus({ hours: DIGEST_CATCH_UP_HOURS });
  const due = rows.rows.flatMap((r) => {
    const occurrence = latestOccurrence(now, r.weekday, r.send_at, r.zone);
    const setAt = DateTime.fromJSDate(r.updated_at, { zone: 'utc' });
    // Set after this week's time had passed: the first digest is next week's, not one at once.
    if (!occurrence || occurrence.at < floor || occurrence.at < setAt) return [];
    return [{ organisationId: r.organisation_id, personId: r.person_id, platform: r.platform, key: `manager-digest:${r.person_id}:${occurrence.day}`, kind: 'manager-digest', dueAt: occurrence.at }];
  });
  return insertDeliveries(db, due, now);
}

/**
 * Plan this week's note to each active admin of every organisation with deliveries that became
 * `unknown` in the last `UNKNOWN_NOTE_DAYS` days. Run weekly; running it again the same ISO week plans nothing new.
 */
export async function planUnknownNotes(db: Db, now: DateTime): Promise<number> {
  const since = now.minus({ days: UNKNOWN_NOTE_DAYS }).toJSDate();
  const rows = await sql<{ organisation_id: string; person_id: string; platform: string }>`
    select p.organisation_id, p.id as person_id, o.platform
    from people p join organisations o on o.id = p.organisation_id
    where p.active and (p.role = 'admin' or p.platform_admin)
      and exists (select 1 from reminder_deliveries d where d.organisation_id = p.organisation_id and d.status = 'unknown' and d.finished_at >= ${since})`.execute(db);
  const week = `${now.weekYear}-W${String(now.weekNumber).padStart(2, '0')}`;
  const due = rows.rows.map((r) => ({ organisationId: r.organisation_id, personId: r.person_id, platform: r.platform, key: `deliveries-unknown:${r.person_id}:${week}`, kind: 'deliveries-unknown', dueAt: now }));
  return insertDeliveries(db, due, now);
}

interface PersonDelivery {
  readonly organisationId: string;
  readonly personId: string;
  readonly platform: string;
  readonly key: string;
  readonly kind: string;
  readonly dueAt: DateTime;
}

async function insertDeliveries(db: Db, due: readonly PersonDelivery[], now: DateTime): Promise<number> {
  if (due.length === 0) return 0;
  const rows = due.map((d) => ({
    organisation_id: d.organisationId,
    key: d.key,
    kind: d.kind,
    platform: d.platform,
    target_id: null,
    person_id: d.personId,
    plan: JSON.stringify({ people: [] }),
    due_at: d.dueAt.toJSDate(),
    status: 'pending' as const,
    available_at: d.dueAt.toJSDate(),
    planned_at: now.toJSDate(),
  }));
  const result = await db.insertInto('reminder_deliveries').values(rows).onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
