import type { Actor } from '../domain/people.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { findLastUndoable } from '../db/repositories/audit.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf, recordChange } from './shared.ts';
import { syncAuditItems } from './audit/sync-items.ts';
import { UNDO_HANDLERS } from './undo-handlers.ts';
import { inTransaction } from '../db/transaction.ts';


/**
 * Reverse the person's most recent change that has not been undone yet: a logged entry, an edit,
 * a deletion, an attached certificate, a fee payment or a certificate update. Each undo is itself
 * audited, and an event can be undone only once, even by two concurrent requests.
 */
export async function undoLast(deps: CoreDeps, actor: Actor, options: { readonly trainingId?: string } = {}): Promise<Reply> {
  try {
    const change = await inTransaction(deps.db, async (trx) => {
      // With a training id (an Undo button under one entry), only changes to that entry are undone.
      const event = await findLastUndoable(trx, actor.organisationId, actor.personId, Object.keys(UNDO_HANDLERS), options.trainingId);
      const handler = event && UNDO_HANDLERS[event.action];
      if (!event || !handler) throw new RecertError('nothing-to-undo');
      const undone = await handler({ trx, actor, now: nowOf(deps) }, event);
      // An entry's proof or the entry itself came or went: an open audit's request for it follows.
      if ('training' in undone && undone.training) await syncAuditItems(trx, deps, actor, undone.training.id);
      await recordChange(trx, deps, actor, { action: `${event.action}.undone`, entity: event.entity, entityId: event.entityId, undoesEventId: event.id });
      return undone;
    });
    return { kind: 'undone', change };
  } catch (error) {
    if (isUniqueViolation(error)) throw new RecertError('nothing-to-undo', { raced: true });
    throw error;
  }
}
