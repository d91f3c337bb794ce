import type { Db } from '../connection.ts';

/**
 * Claim an inbound delivery id (Slack event id, trigger id, Teams activity id). True for the first
 * claim only, across processes: the primary key makes a concurrent retry lose the race.
 */
export async function claimInbound(db: Db, source: string, inboundId: string, organisationId: string | null, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('processed_inbound')
    .values({ source, inbound_id: inboundId, organisation_id: organisationId, received_at: now })
    .onConflict((oc) => oc.columns(['source', 'inbound_id']).doNothing())
    .returning('inbound_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Give a claim back (what it marked did not happen, e.g. a post refused before anything was created), so the id can be claimed again. */
export async function releaseInbound(db: Db, source: string, inboundId: string): Promise<void> {
  await db.deleteFrom('processed_inbound').where('source', '=', source).where('inbound_id', '=', inboundId).execute();
}
