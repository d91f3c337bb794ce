import { sql } from 'kysely';
import type { Db } from '../connection.ts';

/**
 * Lock the organisation's row until the transaction ends: two first messages of an organisation
 * with no admin take turns, so only the first is made admin.
 */
export async function lockOrganisation(db: Db, organisationId: string): Promise<void> {
  await db.selectFrom('organisations').select('id').where('id', '=', organisationId).forUpdate().execute();
}

/** Whether the organisation has an active admin (granted, or a platform admin). One indexed probe. */
export async function hasActiveAdmin(db: Db, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select(sql<number>`1`.as('one'))
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .where((eb) => eb.or([eb('role', '=', 'admin'), eb('platform_admin', '=', true)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
