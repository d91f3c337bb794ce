import type { Person, Role } from '../../domain/people.ts';
import type { Db } from '../connection.ts';
import type { PersonRow } from '../schema.ts';

export interface PersonDetails {
  readonly platformUserId: string;
  readonly displayName: string;
  /** Null keeps the zone already stored. */
  readonly timeZone: string | null;
  readonly role: Role;
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
  };
}
