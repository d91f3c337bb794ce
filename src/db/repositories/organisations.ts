import type { Organisation } from '../../domain/people.ts';
import type { Db } from '../connection.ts';
import type { OrganisationRow } from '../schema.ts';

export interface OrganisationKey {
  readonly platform: string;
  readonly externalId: string;
}

/**
 * Find or create the organisation. Its stored name and zone are kept, unless `updateZone` says the
 * caller's zone is authoritative (the terminal's organisation follows RECERT_TIME_ZONE).
 */
export async function upsertOrganisation(
  db: Db,
  key: OrganisationKey & { readonly name: string; readonly timeZone: string; readonly updateZone?: boolean },
  now: Date,
): Promise<Organisation> {
  const row = await db
    .insertInto('organisations')
    .values({ platform: key.platform, external_id: key.externalId, name: key.name, time_zone: key.timeZone, created_at: now })
    // An update even when nothing changes, so that RETURNING gives the row back.
    .onConflict((oc) => oc.columns(['platform', 'external_id']).doUpdateSet((eb) => ({ time_zone: key.updateZone ? eb.ref('excluded.time_zone') : eb.ref('organisations.time_zone') })))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

/** The organisation's default zone (the terminal's organisation follows RECERT_TIME_ZONE). */
export async function setOrganisationZone(db: Db, organisationId: string, timeZone: string): Promise<void> {
  await db.updateTable('organisations').set({ time_zone: timeZone }).where('id', '=', organisationId).execute();
}

function toOrganisation(row: OrganisationRow): Organisation {
  return { id: row.id, platform: row.platform, externalId: row.external_id, name: row.name, timeZone: row.time_zone };
}
