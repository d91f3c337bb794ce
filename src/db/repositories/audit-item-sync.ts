import { sql } from 'kysely';
import type { Db } from '../connection.ts';

/** An audit item whose state followed its entry's proof: which item, in which audit, and its new state. */
export interface SyncedItem {
  readonly id: string;
  readonly auditId: string;
  readonly status: 'requested' | 'answered';
}

/**
 * Bring open audits' items for one entry in line with it: an answered item whose entry has lost its
 * last live proof, or was deleted, is requested again; a requested item whose entry is live and has
 * proof is answered. `answered` was only ever set, so undoing the attachment (or deleting the entry)
 * left the audit saying "everything documented" with no proof on file.
 */
export async function syncAuditItemsOf(db: Db, organisationId: string, trainingId: string, now: Date): Promise<SyncedItem[]> {
  const { rows } = await sql<{ id: string; audit_id: string; status: 'requested' | 'answered' }>`
    with entry as (
      select (t.deleted_at is null and exists (
        select 1 from training_proofs p
        where p.organisation_id = ${organisationId} and p.training_id = t.id and p.removed_at is null
      )) as documented
      from trainings t where t.organisation_id = ${organisationId} and t.id = ${trainingId}
    )
    update audit_items i
    set status = case when entry.documented then 'answered' else 'requested' end,
        answered_at = case when entry.documented then ${now}::timestamptz else null end
    from entry
    where i.organisation_id = ${organisationId} and i.training_id = ${trainingId}
      and i.status = case when entry.documented then 'requested' else 'answered' end
      and i.audit_id in (select a.id from audits a where a.organisation_id = ${organisationId} and a.closed_at is null)
    returning i.id, i.audit_id, i.status`.execute(db);
  return rows.map((r) => ({ id: r.id, auditId: r.audit_id, status: r.status }));
}
