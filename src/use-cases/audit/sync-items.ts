import type { Actor } from '../../domain/people.ts';
import type { Db } from '../../db/connection.ts';
import { syncAuditItemsOf } from '../../db/repositories/audit-item-sync.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf, recordChange } from '../shared.ts';

/**
 * Inside the transaction that removed an entry's proof or the entry itself (undo, delete), or
 * brought them back: open audits asking for that entry follow it, each change an audit event
 * (`audit.item.reopened`, `audit.item.answered`).
 */
export async function syncAuditItems(trx: Db, deps: CoreDeps, actor: Actor, trainingId: string): Promise<void> {
  for (const item of await syncAuditItemsOf(trx, actor.organisationId, trainingId, nowOf(deps))) {
    const action = item.status === 'answered' ? 'audit.item.answered' : 'audit.item.reopened';
    await recordChange(trx, deps, actor, { action, entity: 'audit', entityId: item.auditId, after: { itemId: item.id, trainingId } });
  }
}
