import type { Db } from '../connection.ts';

/** A certificate change made after another one to the same person's certificates (and not undone). */
export interface LaterCredentialChange {
  readonly after: unknown;
  /** Who made it (null: the operator or a deleted person). */
  readonly byName: string | null;
  readonly actorPersonId: string | null;
}

/**
 * The first `credential.saved` event after `eventId` on any certificate of the person who holds
 * `credentialId`, by anyone, that no undo has reversed — the reason an undo of the earlier save
 * would undo more than it says (issue 11 of the final review).
 */
export async function findLaterCredentialChange(db: Db, organisationId: string, credentialId: string, eventId: string): Promise<LaterCredentialChange | undefined> {
  const holder = await db.selectFrom('credentials').select('person_id').where('organisation_id', '=', organisationId).where('id', '=', credentialId).executeTakeFirst();
  if (!holder) return undefined;
  const theirs = await db.selectFrom('credentials').select('id').where('organisation_id', '=', organisationId).where('person_id', '=', holder.person_id).execute();
  const row = await db
    .selectFrom('audit_events as e')
    .leftJoin('people as p', (join) => join.onRef('p.id', '=', 'e.actor_person_id').on('p.organisation_id', '=', organisationId))
    .select(['e.after', 'e.actor_person_id', 'p.display_name'])
    .where('e.organisation_id', '=', organisationId)
    .where('e.action', '=', 'credential.saved')
    .where('e.id', '>', eventId)
    .where('e.entity_id', 'in', theirs.map((c) => c.id))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('audit_events as u').select('u.id').where('u.organisation_id', '=', organisationId).whereRef('u.undoes_event_id', '=', 'e.id'))))
    .orderBy('e.id', 'asc')
    .executeTakeFirst();
  return row && { after: row.after, byName: row.display_name ?? null, actorPersonId: row.actor_person_id };
}
