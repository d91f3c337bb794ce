import type { ActivityKind } from '../domain/activity-kind.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import { isUuid } from '../domain/ids.ts';
import { findDraft, findDraftByAnchor } from '../db/repositories/drafts.ts';
import { RecertError } from '../errors.ts';
import { trainingDraftSchema } from './training-draft.ts';
import { findKnownPerson, type PlatformPersonRef } from '../db/repositories/lookup.ts';
import type { CoreDeps } from './deps.ts';

export interface DraftFields {
  readonly title: string | null;
  readonly completedOn: IsoDate;
  readonly minutes: number | null;
  readonly kind: ActivityKind;
  readonly registered: boolean | null;
  readonly status: 'open' | 'confirmed' | 'cancelled';
}

/**
 * What one of the person's drafts holds so far, to fill a form with it (Slack's Edit button). Read
 * only, from the platform's ids: it runs in the 3 seconds a modal may take to open.
 */
export async function draftFields(deps: CoreDeps, who: PlatformPersonRef, draftId: string): Promise<DraftFields> {
  const known = await findKnownPerson(deps.db, who);
  if (!known) throw new RecertError('draft-not-found');
  const record = isUuid(draftId) ? await findDraft(deps.db, known.organisationId, known.personId, draftId) : undefined;
  const parsed = record && trainingDraftSchema.safeParse(record.payload);
  if (!record || !parsed?.success) throw new RecertError('draft-not-found');
  const draft = parsed.data;
  return { title: draft.title, completedOn: draft.completedOn, minutes: draft.minutes, kind: draft.kind, registered: draft.registered, status: record.status };
}

export type AnchoredEntry = { readonly status: 'confirmed'; readonly trainingId: string } | { readonly status: 'open' | 'cancelled' } | null;

/** The person's entry discussed in a conversation (a thread), if the bot opened one there. */
export async function anchoredEntry(deps: CoreDeps, actor: Actor, anchor: string): Promise<AnchoredEntry> {
  const draft = await findDraftByAnchor(deps.db, actor.organisationId, actor.personId, anchor);
  if (!draft) return null;
  if (draft.status === 'confirmed' && draft.trainingId) return { status: 'confirmed', trainingId: draft.trainingId };
  return { status: draft.status === 'confirmed' ? 'cancelled' : draft.status };
}

/**
 * Whether a conversation holds an entry the person logged, from the platform's ids alone and
 * without writing anything: an adapter asks before it downloads a file shared in a channel thread.
 */
export async function knownAnchoredEntry(deps: CoreDeps, who: PlatformPersonRef, anchor: string): Promise<AnchoredEntry> {
  const known = await findKnownPerson(deps.db, who);
  if (!known) return null;
  const draft = await findDraftByAnchor(deps.db, known.organisationId, known.personId, anchor);
  if (!draft) return null;
  if (draft.status === 'confirmed' && draft.trainingId) return { status: 'confirmed', trainingId: draft.trainingId };
  return { status: draft.status === 'confirmed' ? 'cancelled' : draft.status };
}
