import { isUuid } from '../../domain/ids.ts';
import type { Actor } from '../../domain/people.ts';
import { answerItemsOf, countOutstandingOf, findAuditItem, listOpenAudits, markAwaiting } from '../../db/repositories/audits.ts';
import type { Db } from '../../db/connection.ts';
import { RecertError } from '../../errors.ts';
import type { Reply } from '../../replies.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf, recordChange } from '../shared.ts';
import { itemView } from './audit-view.ts';

/**
 * "Attach certificate" on an audit request: only the person asked may answer it (a colleague's
 * item id, or another organisation's, finds nothing; a colleague's is also audited as refused).
 * Marks the item awaited, so the next file the person sends without naming an entry is for it.
 */
export async function chooseAuditItem(deps: CoreDeps, actor: Actor, itemId: string): Promise<Reply> {
  const item = isUuid(itemId) ? await findAuditItem(deps.db, actor.organisationId, itemId) : undefined;
  const open = item ? (await listOpenAudits(deps.db, actor.organisationId)).some((a) => a.id === item.auditId) : false;
  if (item && item.personId !== actor.personId) {
    await recordChange(deps.db, deps, actor, { action: 'access.refused', entity: 'audit-item', entityId: item.id, after: { permission: 'answer-audit-item', owner: item.personId } });
  }
  if (!item || item.personId !== actor.personId || !open || item.status !== 'requested') throw new RecertError('audit-item-not-found');
  await markAwaiting(deps.db, actor.organisationId, item.id, nowOf(deps));
  await recordChange(deps.db, deps, actor, { action: 'audit.item.chosen', entity: 'audit', entityId: item.auditId, after: { itemId: item.id, seq: item.seq } });
  return { kind: 'audit-attach-ready', item: itemView(item) };
}

/**
 * Called inside attach-proof's transaction: proof attached to an entry an open audit asks for
 * answers those items (each an audit event). Null when the entry was not asked for.
 */
export async function answerAuditItems(trx: Db, deps: CoreDeps, actor: Actor, trainingId: string): Promise<{ answered: number; outstanding: number } | null> {
  const answered = await answerItemsOf(trx, actor.organisationId, trainingId, nowOf(deps));
  if (answered.length === 0) return null;
  for (const item of answered) await recordChange(trx, deps, actor, { action: 'audit.item.answered', entity: 'audit', entityId: item.auditId, after: { itemId: item.id, trainingId } });
  return { answered: answered.length, outstanding: await countOutstandingOf(trx, actor.organisationId, actor.personId) };
}
