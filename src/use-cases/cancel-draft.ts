import type { Actor } from '../domain/people.ts';
import { closeDraft } from '../db/repositories/drafts.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { loadDraft, type DraftRef } from './draft-store.ts';
import { nowOf } from './shared.ts';

/**
 * Drop a preview. Cancelling one that was already cancelled is not an error; one already logged
 * is — also when a Confirm (or a form) logged it between our read and our write.
 */
export async function cancelDraft(deps: CoreDeps, actor: Actor, ref: DraftRef = {}): Promise<Reply> {
  const { record, draft } = await loadDraft(deps, actor, ref);
  if (record.status === 'confirmed') throw new RecertError('draft-already-logged');
  if (record.status === 'open' && !(await closeDraft(deps.db, actor.organisationId, record.id, 'cancelled', null, nowOf(deps)))) {
    const now = await loadDraft(deps, actor, { draftId: record.id });
    if (now.record.status === 'confirmed') throw new RecertError('draft-already-logged');
  }
  return { kind: 'draft-cancelled', title: draft.title };
}
