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
 * Live certificates expiring on one of `days`, with active holders: one index range scan per day
 * (`credentials_expires_live_idx`), so the cost follows the certificates due, not those stored.
 */
export async function findCandidates(db: Db, days: readonly IsoDate[]): Promise<Candidate[]> {
  if (days.length === 0) return [];
  const rows = await sql<{ organisation_id: string; person_id: string; credential_id: string; expires_on: string; zone: string }>`
    select c.organisation_id, c.person_id, c.id as credential_id, c.expires_on, coalesce(p.time_zone, o.time_zone) as zone
    from credentials c
    join people p on p.id = c.person_id and p.organisation_id = c.organisation_id and p.active
    join organisations o on o.id = c.organisation_id
    where c.deleted_at is null and c.expires_on = any(${days as string[]}::date[])`.execute(db);
  return rows.rows.map((r) => ({ organisationId: r.organisation_id, personId: r.person_id, credentialId: r.credential_id, expiresOn: r.expires_on, zone: r.zone }));
}
