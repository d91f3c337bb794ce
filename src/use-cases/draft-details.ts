import type { ActivityKind } from '../domain/activity-kind.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import { findDraftByAnchor } from '../db/repositories/drafts.ts';
import type { CoreDeps } from './deps.ts';
import { loadDraft } from './draft-store.ts';

export interface DraftFields {
  readonly title: string | null;
  readonly completedOn: IsoDate;
  readonly minutes: number | null;
  readonly kind: ActivityKind;
  readonly registered: boolean | null;
  readonly status: 'open' | 'confirmed' | 'cancelled';
}

/** What a draft holds so far, to fill a form with it (the Edit button). */
export async function draftFields(deps: CoreDeps, actor: Actor, draftId: string): Promise<DraftFields> {
  const { record, draft } = await loadDraft(deps, actor, { draftId });
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
