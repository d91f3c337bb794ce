import { sql } from 'kysely';
import type { DateTime } from 'luxon';
import type { Db } from '../db/connection.ts';
import { addDays, type IsoDate } from '../domain/dates.ts';
import type { ChannelTarget } from './plan.ts';
import { channelSubscriptionSchema, DEFAULT_POLICY, MAX_WEEKLY_STEPS, reminderPolicySchema, type ReminderPolicy } from './policy.ts';

/**
 * The scheduler's reads across organisations. Each is raw SQL on purpose (the tenant guard inspects
 * the queries Kysely builds): planning looks at every organisation at once, by index, and then
 * works per organisation with scoped queries.
 */

/** A certificate with a step that may be due: found by its expiry day, with its holder and zones. */
export interface Candidate {
  readonly organisationId: string;
  readonly personId: string;
  readonly credentialId: string;
  readonly expiresOn: IsoDate;
  /** The person's zone, else the organisation's. */
  readonly zone: string;
}

export interface OrganisationPlanning {
  readonly organisationId: string;
  readonly platform: string;
  readonly zone: string;
  /** Planning covered every step due up to here; null: never planned. */
  readonly plannedThrough: DateTime | null;
  /** The DM policy: no settings row means the default; a stored null means DMs are off. */
  readonly dmPolicy: ReminderPolicy | null;
  readonly channels: ChannelTarget[];
}

/** Every organisation with its watermark, DM policy and active channel subscriptions. */
export async function readPlanningSettings(db: Db, toDateTime: (d: Date) => DateTime): Promise<OrganisationPlanning[]> {
  const orgs = await sql<{ id: string; platform: string; time_zone: string; planned_through: Date | null; has_row: boolean; dm_policy: unknown }>`
    select o.id, o.platform, o.time_zone, s.planned_through, s.organisation_id is not null as has_row, s.dm_policy
    from organisations o left join reminder_settings s on s.organisation_id = o.id`.execute(db);
  const targets = await sql<{ id: string; organisation_id: string; subscription: unknown }>`
    select id, organisation_id, subscription from reminder_targets where active`.execute(db);
  const zones = new Map(orgs.rows.map((o) => [o.id, o.time_zone]));
  const channels = new Map<string, ChannelTarget[]>();
  for (const t of targets.rows) {
    const parsed = channelSubscriptionSchema.safeParse(t.subscription);
    if (!parsed.success) continue;
    const list = channels.get(t.organisation_id) ?? [];
    list.push({ targetId: t.id, subscription: parsed.data, zone: parsed.data.zone ?? zones.get(t.organisation_id) ?? 'UTC' });
    channels.set(t.organisation_id, list);
  }
  return orgs.rows.map((o) => ({
    organisationId: o.id,
    platform: o.platform,
    zone: o.time_zone,
    plannedThrough: o.planned_through ? toDateTime(o.planned_through) : null,
    dmPolicy: !o.has_row ? DEFAULT_POLICY : o.dm_policy === null ? null : (reminderPolicySchema.safeParse(o.dm_policy).data ?? DEFAULT_POLICY),
    channels: channels.get(o.id) ?? [],
  }));
}

/**
 * The expiry days whose steps can fall on a local day in [from, to]: for each step offset of the
 * policies in play, the days that many days before or after — two more for weekend steps moved back
 * to Friday. Grows with the policies' steps, never with the rows stored.
 */
export function expiryDays(policies: readonly ReminderPolicy[], from: IsoDate, to: IsoDate): IsoDate[] {
  const offsets = new Set<number>();
  let weekly = false;
  for (const policy of policies) {
    for (const d of policy.daysBefore) offsets.add(-d);
    weekly ||= policy.weeklyAfterExpiry;
  }
  if (weekly) for (let i = 1; i <= MAX_WEEKLY_STEPS; i += 1) offsets.add(7 * i);
  const localDays: IsoDate[] = [];
  for (let day = from, last = addDays(to, 2); day <= last; day = addDays(day, 1)) localDays.push(day);
  const days = new Set<IsoDate>();
  for (const offset of offsets) for (const day of localDays) days.add(addDays(day, -offset));
  return [...days].sort();
}

/**
 * Live certificates expiring on one of `days`, with active holders. Two queries, each by index: the
 * certificates by expiry-day ranges (`credentials_expires_live_idx`; ranges, so the planner reads
 * the histogram and expects the few rows there are), then only their holders by id. One join let
 * PostgreSQL expect ~500 rows per day asked and hash-join all of `people` (1M rows: 700 ms).
 */
export async function findCandidates(db: Db, days: readonly IsoDate[]): Promise<Candidate[]> {
  const ranges = dayRanges(days);
  if (ranges.length === 0) return [];
  const within = sql.join(ranges.map(([from, to]) => sql`(c.expires_on between ${from}::date and ${to}::date)`), sql` or `);
  const certificates = await sql<{ organisation_id: string; person_id: string; credential_id: string; expires_on: string }>`
    select c.organisation_id, c.person_id, c.id as credential_id, c.expires_on from credentials c
    where c.deleted_at is null and (${within})`.execute(db);
  if (certificates.rows.length === 0) return [];
  const holders = await sql<{ id: string; organisation_id: string; zone: string }>`
    select p.id, p.organisation_id, coalesce(p.time_zone, o.time_zone) as zone
    from people p join organisations o on o.id = p.organisation_id
    where p.id = any(${[...new Set(certificates.rows.map((c) => c.person_id))]}::uuid[]) and p.active`.execute(db);
  const byId = new Map(holders.rows.map((h) => [h.id, h]));
  return certificates.rows.flatMap((r) => {
    const holder = byId.get(r.person_id);
    if (!holder || holder.organisation_id !== r.organisation_id) return [];
    return [{ organisationId: r.organisation_id, personId: r.person_id, credentialId: r.credential_id, expiresOn: r.expires_on, zone: holder.zone }];
  });
}

/** Sorted days as runs of consecutive days, `[first, last]` each. */
export function dayRanges(days: readonly IsoDate[]): [IsoDate, IsoDate][] {
  const ranges: [IsoDate, IsoDate][] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = ranges.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else ranges.push([day, day]);
  }
  return ranges;
}
