import type { Actor } from '../domain/people.ts';
import { findDraft, findOpenDraft, type DraftRecord } from '../db/repositories/drafts.ts';
import { RecertError } from '../errors.ts';
import type { CoreDeps } from './deps.ts';
import { trainingDraftSchema, type TrainingDraft } from './training-draft.ts';

/** A preview left unanswered this long (hours) is no longer confirmed by a bare "yes". */
export const DRAFT_TTL_HOURS = 24;

export interface LoadedDraft {
  readonly record: DraftRecord;
  readonly draft: TrainingDraft;
}

/**
 * The draft a reply is about: the one a button names, or else the person's newest open draft. A
 * named draft may be closed already (a second click): callers decide what that means.
 */
export async function loadDraft(deps: CoreDeps, actor: Actor, draftId?: string): Promise<LoadedDraft> {
  const cutoff = deps.clock.now().minus({ hours: DRAFT_TTL_HOURS });
  const record = draftId
    ? await findDraft(deps.db, actor.organisationId, actor.personId, draftId)
    : await findOpenDraft(deps.db, actor.organisationId, actor.personId, cutoff.toJSDate());
  if (!record) throw new RecertError('draft-not-found');
  if (record.status === 'open' && record.updatedAt < cutoff.toJSDate()) throw new RecertError('draft-expired', { hours: DRAFT_TTL_HOURS });
  const parsed = trainingDraftSchema.safeParse(record.payload);
  if (!parsed.success) throw new RecertError('draft-not-found');
  return { record, draft: parsed.data };
}

export async function loadOpenDraft(deps: CoreDeps, actor: Actor, draftId?: string): Promise<LoadedDraft> {
  const loaded = await loadDraft(deps, actor, draftId);
  if (loaded.record.status !== 'open') throw new RecertError('draft-not-found', { status: loaded.record.status });
  return loaded;
}
