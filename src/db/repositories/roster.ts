import { sql } from 'kysely';
import type { Person, Role } from '../../domain/people.ts';
import type { Db } from '../connection.ts';
import type { PersonRow } from '../schema.ts';

export interface RosterPerson extends Person {
  readonly email: string | null;
}

function baseQuery(db: Db, organisationId: string) {
  return db.selectFrom('people').selectAll().where('organisation_id', '=', organisationId);
}

export async function listPeople(db: Db, organisationId: string, options: { readonly activeOnly: boolean }): Promise<RosterPerson[]> {
  let query = baseQuery(db, organisationId).orderBy(sql`lower(display_name)`).orderBy('id');
  if (options.activeOnly) query = query.where('active', '=', true);
  return (await query.execute()).map(toRosterPerson);
}

export async function findPersonById(db: Db, organisationId: string, personId: string): Promise<RosterPerson | undefined> {
  const row = await baseQuery(db, organisationId).where('id', '=', personId).executeTakeFirst();
  return row && toRosterPerson(row);
}

export async function findPersonByPlatformId(db: Db, organisationId: string, platformUserId: string): Promise<RosterPerson | undefined> {
  const row = await baseQuery(db, organisationId).where('platform_user_id', '=', platformUserId).executeTakeFirst();
  return row && toRosterPerson(row);
}

/** People whose display name is `name`, without regard to case (more than one: the name is ambiguous). */
export async function findPeopleByName(db: Db, organisationId: string, name: string): Promise<RosterPerson[]> {
  const rows = await baseQuery(db, organisationId).where(sql<string>`lower(display_name)`, '=', name.toLowerCase()).limit(5).execute();
  return rows.map(toRosterPerson);
}

export async function findPeopleByEmail(db: Db, organisationId: string, email: string): Promise<RosterPerson[]> {
  const rows = await baseQuery(db, organisationId).where(sql<string>`lower(email)`, '=', email.toLowerCase()).limit(5).execute();
  return rows.map(toRosterPerson);
}

export async function setRole(db: Db, organisationId: string, personId: string, role: Role): Promise<void> {
  await db.updateTable('people').set({ role }).where('organisation_id', '=', organisationId).where('id', '=', personId).execute();
}

export async function setActive(db: Db, organisationId: string, personId: string, active: boolean, now: Date): Promise<void> {
  await db
    .updateTable('people')
    .set({ active, deactivated_at: active ? null : now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .execute();
}

export async function setEmail(db: Db, organisationId: string, personId: string, email: string | null): Promise<void> {
  await db.updateTable('people').set({ email }).where('organisation_id', '=', organisationId).where('id', '=', personId).execute();
}

/** The names of the organisation's admins (granted, or platform admins), for "ask an admin: …". */
export async function listAdminNames(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('display_name')
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .where((eb) => eb.or([eb('role', '=', 'admin'), eb('platform_admin', '=', true)]))
    .orderBy('display_name')
    .limit(5)
    .execute();
  return rows.map((r) => r.display_name);
}

export function toRosterPerson(row: PersonRow): RosterPerson {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    platformUserId: row.platform_user_id,
    displayName: row.display_name,
    timeZone: row.time_zone,
    role: row.role,
    greeted: row.greeted_at !== null,
    platformAdmin: row.platform_admin,
    active: row.active,
    email: row.email,
  };
}

/** A person added by a roster file before the platform knew them gets their platform id when a later file gives it. */
export async function setPlatformUserId(db: Db, organisationId: string, personId: string, platformUserId: string): Promise<void> {
  await db.updateTable('people').set({ platform_user_id: platformUserId }).where('organisation_id', '=', organisationId).where('id', '=', personId).execute();
}

/**
 * Lock a person's row until the transaction ends: two imports (or an import and a `roster set`)
 * touching the same person take turns, so the second sees what the first stored.
 */
export async function lockPerson(db: Db, organisationId: string, personId: string): Promise<void> {
  await db.selectFrom('people').select('id').where('organisation_id', '=', organisationId).where('id', '=', personId).forUpdate().execute();
}
