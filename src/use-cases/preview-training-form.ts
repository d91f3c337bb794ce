import type { Actor } from '../domain/people.ts';
import { insertDraft } from '../db/repositories/drafts.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { replyForDraft } from './draft-reply.ts';
import { draftFromForm, type TrainingForm } from './log-training-form.ts';
import { nowOf, standingOf, todayFor } from './shared.ts';

/**
 * A training entered in a form card that is previewed before it is logged (Teams' "Log a training"
 * card): the same field rules as logTrainingForm (a bad field is thrown as the person's error,
 * nothing stored), then the same draft and preview as a typed training — Confirm / Edit / Cancel.
 */
export async function previewTrainingForm(deps: CoreDeps, actor: Actor, form: TrainingForm, options: { readonly anchor?: string } = {}): Promise<Reply> {
  const draft = draftFromForm(deps, actor, form);
  const record = await insertDraft(deps.db, actor.organisationId, { personId: actor.personId, payload: draft, source: actor.source, anchor: options.anchor ?? null }, nowOf(deps));
  const standing = await standingOf(deps.db, actor, todayFor(deps, actor));
  return replyForDraft(record.id, draft, standing);
}
