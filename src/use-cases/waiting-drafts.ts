import type { Actor } from '../domain/people.ts';
import { listOpenDrafts, markReminded } from '../db/repositories/drafts.ts';
import type { WaitingDraft } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { DRAFT_TTL_HOURS } from './draft-store.ts';
import { nowOf } from './shared.ts';
import { nextStep, trainingDraftSchema, type TrainingDraft } from './training-draft.ts';

export interface Waiting extends WaitingDraft {
  readonly draft: TrainingDraft;
  readonly reminded: boolean;
  /** The conversation it was shown in (a Slack thread, a Teams chat), or null. */
  readonly anchor: string | null;
}

/** The person's open previews (not older than a day), oldest first and numbered 1, 2, … */
export async function waitingDrafts(deps: CoreDeps, actor: Actor): Promise<Waiting[]> {
  const since = deps.clock.now().minus({ hours: DRAFT_TTL_HOURS }).toJSDate();
  const records = await listOpenDrafts(deps.db, actor.organisationId, actor.personId, since);
  const waiting: Waiting[] = [];
  for (const record of records) {
    const parsed = trainingDraftSchema.safeParse(record.payload);
    if (!parsed.success) continue;
    const draft = parsed.data;
    waiting.push({
      draftId: record.id,
      number: waiting.length + 1,
      title: draft.title,
      completedOn: draft.completedOn,
      minutes: draft.minutes,
      ready: nextStep(draft) === 'ready',
      draft,
      reminded: record.remindedAt !== null,
      anchor: record.anchor,
    });
  }
  return waiting;
}

const LATEST = /^(?:that|this|it|that one|this one|the (?:last|latest|newest|new|second) one|the (?:last|latest|newest)|(?:last|latest|newest) one|last|latest)$/;
const FIRST = /^(?:the first(?: one)?|first(?: one)?|the (?:earlier|older|other) one)$/;

/**
 * Which waiting preview `which` names: its number ("1", "#2"), its exact title, or words of its
 * title ("A" for "Course A"). Null when none or several fit.
 */
export function pickWaiting(waiting: readonly Waiting[], which: string): Waiting | null {
  const wanted = which.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d{1,3}$/.test(wanted)) return waiting.find((w) => w.number === Number(wanted)) ?? null;
  // "cancel that", "yes to the last one": the newest preview, the one just shown (oldest come first).
  if (LATEST.test(wanted)) return waiting.at(-1) ?? null;
  if (FIRST.test(wanted)) return waiting[0] ?? null;
  const exact = waiting.filter((w) => w.title?.toLowerCase() === wanted);
  if (exact.length === 1) return exact[0] ?? null;
  const words = new RegExp(`(?:^|[^\\p{L}\\p{N}])${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}\\p{N}])`, 'u');
  const partial = waiting.filter((w) => w.title !== null && words.test(w.title.toLowerCase()));
  return partial.length === 1 ? (partial[0] ?? null) : null;
}

/** The reply's view of waiting previews (no payloads). */
export function listed(waiting: readonly Waiting[]): WaitingDraft[] {
  return waiting.map(({ draftId, number, title, completedOn, minutes, ready }) => ({ draftId, number, title, completedOn, minutes, ready }));
}

/** Previews the person has not been reminded of (but the one `shownId` names, on screen now); marks them reminded. */
export async function remindOnce(deps: CoreDeps, actor: Actor, shownId?: string): Promise<WaitingDraft[] | null> {
  const waiting = (await waitingDrafts(deps, actor)).filter((w) => w.draftId !== shownId);
  if (!waiting.some((w) => !w.reminded)) return null;
  await markReminded(deps.db, actor.organisationId, waiting.map((w) => w.draftId), nowOf(deps));
  return listed(waiting);
}
