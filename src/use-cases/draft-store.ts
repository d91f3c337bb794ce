import { isUuid } from '../domain/ids.ts';
import type { Actor } from '../domain/people.ts';
import { findDraft, findDraftByAnchor, findOpenDraft, type DraftRecord } from '../db/repositories/drafts.ts';
import { RecertError } from '../errors.ts';
import type { CoreDeps } from './deps.ts';
import { trainingDraftSchema, type TrainingDraft } from './training-draft.ts';

/** A preview left unanswered this long (hours) is no longer confirmed by a bare "yes". */
export const DRAFT_TTL_HOURS = 24;

/**
 * Which draft a reply is about: the one a button names (`draftId`), else the one opened in this
 * conversation (`anchor`, e.g. a Slack thread), else — unless `strict`, as in a public channel,
 * where a stray "yes" must not log someone's private preview — the person's newest open draft.
 */
export interface DraftRef {
  readonly draftId?: string;
  readonly anchor?: string;
  readonly strict?: boolean;
}

export interface LoadedDraft {
  readonly record: DraftRecord;
  readonly draft: TrainingDraft;
}

/** The draft `ref` names. A named draft may be closed already (a second click): callers decide what that means. */
export async function loadDraft(deps: CoreDeps, actor: Actor, ref: DraftRef = {}): Promise<LoadedDraft> {
  const cutoff = deps.clock.now().minus({ hours: DRAFT_TTL_HOURS });
  const record = await findRef(deps, actor, ref, cutoff.toJSDate());
  if (!record) throw new RecertError('draft-not-found');
  if (record.status === 'open' && record.updatedAt < cutoff.toJSDate()) throw new RecertError('draft-expired', { hours: DRAFT_TTL_HOURS });
  const parsed = trainingDraftSchema.safeParse(record.payload);
  if (!parsed.success) throw new RecertError('draft-not-found');
  return { record, draft: parsed.data };
}

async function findRef(deps: CoreDeps, actor: Actor, ref: DraftRef, since: Date): Promise<DraftRecord | undefined> {
  const { organisationId, personId } = actor;
  if (ref.draftId !== undefined) return isUuid(ref.draftId) ? findDraft(deps.db, organisationId, personId, ref.draftId) : undefined;
  const anchored = ref.anchor ? await findDraftByAnchor(deps.db, organisationId, personId, ref.anchor) : undefined;
  if (anchored || ref.strict) return anchored;
  return findOpenDraft(deps.db, organisationId, personId, since);
}

export async function loadOpenDraft(deps: CoreDeps, actor: Actor, ref: DraftRef = {}): Promise<LoadedDraft> {
  const loaded = await loadDraft(deps, actor, ref);
  if (loaded.record.status === 'confirmed') throw new RecertError('draft-already-logged');
  if (loaded.record.status !== 'open') throw new RecertError('draft-not-found', { status: loaded.record.status });
  return loaded;
}
