import type { Db } from '../connection.ts';

export interface PlatformPersonRef {
  readonly platform: string;
  readonly organisationExternalId: string;
  readonly userExternalId: string;
}

/** The organisation and person a platform's ids name, if both exist (read only: nothing is created). */
export async function findKnownPerson(db: Db, ref: PlatformPersonRef): Promise<{ organisationId: string; personId: string } | undefined> {
  const organisation = await db
    .selectFrom('organisations')
    .select('id')
    .where('platform', '=', ref.platform)
    .where('external_id', '=', ref.organisationExternalId)
    .executeTakeFirst();
  if (!organisation) return undefined;
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisation.id)
    .where('platform_user_id', '=', ref.userExternalId)
    .executeTakeFirst();
  return person && { organisationId: organisation.id, personId: person.id };
}

/** The organisation's default zone (for people whose own zone is unknown). */
export async function findOrganisationZone(db: Db, organisationId: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('time_zone').where('id', '=', organisationId).executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}

/** The organisation a platform's id names, if it exists (read only). */
export async function findOrganisation(db: Db, platform: string, externalId: string): Promise<{ id: string; name: string; timeZone: string } | undefined> {
  const row = await db.selectFrom('organisations').select(['id', 'name', 'time_zone']).where('platform', '=', platform).where('external_id', '=', externalId).executeTakeFirst();
  return row && { id: row.id, name: row.name, timeZone: row.time_zone };
}

/** An organisation's name and zone by its id. */
export async function findOrganisationById(db: Db, organisationId: string): Promise<{ id: string; name: string; timeZone: string } | undefined> {
  const row = await db.selectFrom('organisations').select(['id', 'name', 'time_zone']).where('id', '=', organisationId).executeTakeFirst();
  return row && { id: row.id, name: row.name, timeZone: row.time_zone };
}
