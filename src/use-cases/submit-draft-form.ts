import type { Actor } from '../domain/people.ts';
import { lockDraft, reopenDraft } from '../db/repositories/drafts.ts';
import { findTraining } from '../db/repositories/trainings.ts';
import { inTransaction } from '../db/transaction.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import { confirmDraft } from './confirm-draft.ts';
import type { CoreDeps } from './deps.ts';
import { draftFromForm, type TrainingForm } from './log-training-form.ts';
import { nowOf, progressOf, standingOf, todayFor, viewOf } from './shared.ts';

/**
 * The form a person filled for one of their previews (Slack's Edit) was submitted: its values are
 * logged as that preview's entry. A preview becomes at most one entry, whichever of Confirm and the
 * form gets there first (the draft row is locked, so they take turns); the later one is answered
 * "already logged as entry #N". A submitted form is never thrown away: a preview dropped meanwhile
 * (a newer message replaced it, or Cancel) is logged from the form all the same.
 */
export async function submitDraftForm(deps: CoreDeps, actor: Actor, draftId: string, form: TrainingForm): Promise<Reply> {
  const draft = draftFromForm(deps, actor, form);
  return inTransaction(deps.db, async (trx) => {
    const within = { ...deps, db: trx };
    const record = await lockDraft(trx, actor.organisationId, actor.personId, draftId);
    if (!record) throw new RecertError('draft-not-found');
    if (record.status === 'confirmed') return alreadyLogged(within, actor, record.trainingId);
    await reopenDraft(trx, actor.organisationId, record.id, draft, nowOf(deps));
    return confirmDraft(within, actor, { draftId: record.id, ...(form.registered === undefined ? {} : { registered: form.registered }) });
  });
}

async function alreadyLogged(deps: CoreDeps, actor: Actor, trainingId: string | null): Promise<Reply> {
  const training = trainingId ? await findTraining(deps.db, actor.organisationId, trainingId, { includeDeleted: true }) : undefined;
  if (!training) throw new RecertError('draft-already-logged');
  const standing = await standingOf(deps.db, actor, todayFor(deps, actor));
  return { kind: 'training-logged', training: viewOf(training, standing), progress: progressOf(standing), alreadyLogged: true };
}
