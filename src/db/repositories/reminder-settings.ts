import type { Db } from '../connection.ts';

/**
 * Reminder settings as stored: a channel's subscription (reminder_targets), the organisation's DM
 * policy (reminder_settings), a manager's weekly digest (manager_digests). JSON columns are returned
 * as read; the core validates them with the zod schemas of src/reminders/policy.ts.
 */

export interface StoredTarget {
  readonly id: string;
  readonly platform: string;
  readonly address: string;
  readonly name: string;
  readonly subscription: unknown;
  readonly active: boolean;
}

const TARGET_COLUMNS = ['id', 'platform', 'address', 'name', 'subscription', 'active'] as const;

export async function findTarget(db: Db, organisationId: string, platform: string, address: string): Promise<StoredTarget | undefined> {
  return db.selectFrom('reminder_targets').select(TARGET_COLUMNS).where('organisation_id', '=', organisationId).where('platform', '=', platform).where('address', '=', address).executeTakeFirst();
}

/** The targets with these ids (active or not). */
export async function targetsByIds(db: Db, organisationId: string, ids: readonly string[]): Promise<StoredTarget[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('reminder_targets').select(TARGET_COLUMNS).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
}

/**
 * Subscribe (or re-subscribe) a channel: one row per platform address, so two managers typing at
 * once leave one subscription (the later words win), never two.
 */
export async function upsertTarget(db: Db, organisationId: string, target: { platform: string; address: string; name: string; subscription: unknown; createdBy: string | null }, now: Date): Promise<StoredTarget> {
  return db
    .insertInto('reminder_targets')
    .values({ organisation_id: organisationId, platform: target.platform, address: target.address, name: target.name, subscription: JSON.stringify(target.subscription), active: true, created_by: target.createdBy, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'platform', 'address']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), subscription: eb.ref('excluded.subscription'), active: true, inactive_reason: null, updated_at: eb.ref('excluded.updated_at') })),
    )
    .returning(TARGET_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** `remind off` (reason null) or a permanent platform error; false when it was already off. */
export async function deactivateTarget(db: Db, organisationId: string, id: string, reason: string | null, now: Date): Promise<boolean> {
  const rows = await db.updateTable('reminder_targets').set({ active: false, inactive_reason: reason, updated_at: now }).where('organisation_id', '=', organisationId).where('id', '=', id).where('active', '=', true).returning('id').execute();
  return rows.length > 0;
}

/** The organisation's DM policy as stored: undefined when never set (the default applies), null when DMs are off. */
export async function readDmPolicy(db: Db, organisationId: string): Promise<unknown> {
  const row = await db.selectFrom('reminder_settings').select('dm_policy').where('organisation_id', '=', organisationId).executeTakeFirst();
  return row ? row.dm_policy : undefined;
}

export async function saveDmPolicy(db: Db, organisationId: string, policy: unknown, now: Date): Promise<void> {
  await db
    .insertInto('reminder_settings')
    .values({ organisation_id: organisationId, dm_policy: policy === null ? null : JSON.stringify(policy), updated_at: now })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet((eb) => ({ dm_policy: eb.ref('excluded.dm_policy'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

export interface StoredDigest {
  readonly weekday: number;
  readonly sendAt: string;
  readonly active: boolean;
}

export async function findManagerDigest(db: Db, organisationId: string, personId: string): Promise<StoredDigest | undefined> {
  return db.selectFrom('manager_digests').select(['weekday', 'send_at as sendAt', 'active']).where('organisation_id', '=', organisationId).where('person_id', '=', personId).executeTakeFirst();
}

/** Opt in (or move the day and time); `schedule` null opts out. */
export async function saveManagerDigest(db: Db, organisationId: string, personId: string, schedule: { weekday: number; sendAt: string } | null, now: Date): Promise<void> {
  if (schedule === null) {
    await db.updateTable('manager_digests').set({ active: false, updated_at: now }).where('organisation_id', '=', organisationId).where('person_id', '=', personId).execute();
    return;
  }
  await db
    .insertInto('manager_digests')
    .values({ organisation_id: organisationId, person_id: personId, weekday: schedule.weekday, send_at: schedule.sendAt, active: true, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ weekday: eb.ref('excluded.weekday'), send_at: eb.ref('excluded.send_at'), active: true, updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}
