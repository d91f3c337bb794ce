import type { Organisation, Person, Role } from '../../domain/people.ts';
import type { Db } from '../connection.ts';
import type { PersonRow } from '../schema.ts';
import type { OrganisationKey } from './organisations.ts';

export interface PersonDetails {
  readonly platformUserId: string;
  readonly displayName: string;
  /** Null keeps the zone already stored. */
  readonly timeZone: string | null;
  readonly role: Role;
  readonly platformAdmin?: boolean;
}

/** Insert the person or refresh their name and zone; an existing role is never changed here. */
export async function upsertPerson(db: Db, organisationId: string, details: PersonDetails, now: Date): Promise<Person> {
  const row = await db
    .insertInto('people')
    .values({
      organisation_id: organisationId,
      platform_user_id: details.platformUserId,
      display_name: details.displayName,
      time_zone: details.timeZone,
      role: details.role,
      platform_admin: details.platformAdmin === true,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'platform_user_id']).doUpdateSet((eb) => ({
        display_name: eb.ref('excluded.display_name'),
        time_zone: eb.fn.coalesce('excluded.time_zone', 'people.time_zone'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPerson(row);
}

export interface Member {
  readonly organisation: Organisation;
  /** Null when the organisation is known but this person has not been seen in it. */
  readonly person: Person | null;
}

/**
 * The organisation and person behind a platform's ids, in one read served by the two unique keys
 * (organisations' platform + external id, people's organisation + platform user id).
 */
export async function findMember(db: Db, key: OrganisationKey, platformUserId: string): Promise<Member | undefined> {
  const row = await db
    .selectFrom('organisations')
    .leftJoin('people', (join) => join.onRef('people.organisation_id', '=', 'organisations.id').on('people.platform_user_id', '=', platformUserId))
    .select(['organisations.id as org_id', 'organisations.name as org_name', 'organisations.time_zone as org_time_zone'])
    .select(['people.id', 'people.display_name', 'people.time_zone', 'people.role', 'people.greeted_at', 'people.platform_admin', 'people.active'])
    .where('organisations.platform', '=', key.platform)
    .where('organisations.external_id', '=', key.externalId)
    .executeTakeFirst();
  if (!row) return undefined;
  const organisation: Organisation = { id: row.org_id, platform: key.platform, externalId: key.externalId, name: row.org_name, timeZone: row.org_time_zone };
  const person: Person | null =
    row.id === null || row.display_name === null || row.role === null
      ? null
      : {
          id: row.id,
          organisationId: row.org_id,
          platformUserId,
          displayName: row.display_name,
          timeZone: row.time_zone,
          role: row.role,
          greeted: row.greeted_at !== null,
          platformAdmin: row.platform_admin === true,
          active: row.active !== false,
        };
  return { organisation, person };
}

/** Change the person's name and/or zone (only the fields given); the role is never changed here. */
export async function updatePersonDetails(
  db: Db,
  organisationId: string,
  personId: string,
  changes: { readonly displayName?: string; readonly timeZone?: string; readonly platformAdmin?: boolean },
): Promise<void> {
  await db
    .updateTable('people')
    .set({
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
      ...(changes.timeZone === undefined ? {} : { time_zone: changes.timeZone }),
      ...(changes.platformAdmin === undefined ? {} : { platform_admin: changes.platformAdmin }),
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .execute();
}

export async function findPerson(db: Db, organisationId: string, personId: string): Promise<Person | undefined> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row && toPerson(row);
}

/** Mark the person greeted; true only for the call that did it, so two first messages greet once. */
export async function markGreeted(db: Db, organisationId: string, personId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('people')
    .set({ greeted_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .where('greeted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Take the person's next entry number atomically (the row lock serialises concurrent logs). */
export async function takeNextSeq(db: Db, organisationId: string, personId: string): Promise<number> {
  const row = await db
    .updateTable('people')
    .set((eb) => ({ next_seq: eb('next_seq', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .returning('next_seq')
    .executeTakeFirstOrThrow();
  return row.next_seq - 1;
}

function toPerson(row: PersonRow): Person {
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
  };
}
