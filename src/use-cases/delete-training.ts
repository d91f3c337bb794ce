import type { Actor } from '../domain/people.ts';
import { fieldsOf, findTrainingBySeq, setTrainingDeleted } from '../db/repositories/trainings.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf, progressOf, recordChange, standingOf, todayFor, viewOf } from './shared.ts';
import { inTransaction } from '../db/transaction.ts';
import { syncAuditItems } from './audit/sync-items.ts';

/** Remove an entry from the ledger. Nothing is erased: the row is marked deleted and `undo` restores it. */
export async function deleteTraining(deps: CoreDeps, actor: Actor, seq: number): Promise<Reply> {
  const training = await findTrainingBySeq(deps.db, actor.organisationId, actor.personId, seq);
  if (!training) throw new RecertError('training-not-found', { seq });
  await inTransaction(deps.db, async (trx) => {
    await setTrainingDeleted(trx, actor.organisationId, training.id, nowOf(deps));
    await recordChange(trx, deps, actor, { action: 'training.deleted', entity: 'training', entityId: training.id, before: fieldsOf(training) });
    // A deleted entry documents nothing: an open audit asks for it again.
    await syncAuditItems(trx, deps, actor, training.id);
  });
  const standing = await standingOf(deps.db, actor, todayFor(deps, actor));
  return { kind: 'training-deleted', training: viewOf(training), progress: progressOf(standing) };
}
