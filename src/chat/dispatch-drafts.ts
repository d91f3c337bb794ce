import type { Actor } from '../domain/people.ts';
import { findDraftByAnchor } from '../db/repositories/drafts.ts';
import type { Reply } from '../replies.ts';
import { cancelDraft } from '../use-cases/cancel-draft.ts';
import { confirmDraft } from '../use-cases/confirm-draft.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import type { DraftRef } from '../use-cases/draft-store.ts';
import { listed, pickWaiting, remindOnce, waitingDrafts } from '../use-cases/waiting-drafts.ts';
import type { Intent } from './intent.ts';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

/**
 * The preview a typed yes/no is about. A button names its draft; a thread (anchor) holds its own;
 * otherwise, with several previews waiting, a plain "yes" could mean any of them, so the bot asks
 * which ("yes 1", "yes to Course A") instead of guessing (issue 10: never drop one silently).
 */
async function chosen(deps: CoreDeps, actor: Actor, ref: DraftRef, which: string | undefined, answer: 'confirm' | 'cancel'): Promise<DraftRef | Reply> {
  if (ref.draftId !== undefined || ref.strict) return ref;
  if (which === undefined && ref.anchor && (await findDraftByAnchor(deps.db, actor.organisationId, actor.personId, ref.anchor, true))) return ref;
  const waiting = await waitingDrafts(deps, actor);
  const ask: Reply = { kind: 'drafts-waiting', reason: 'which', answer, drafts: listed(waiting) };
  if (which !== undefined) {
    const hit = pickWaiting(waiting, which);
    if (hit) return { draftId: hit.draftId };
    return waiting.length > 0 ? ask : ref;
  }
  return waiting.length > 1 ? ask : ref;
}

function isReply(value: DraftRef | Reply): value is Reply {
  return 'kind' in value;
}

export async function confirmChosen(deps: CoreDeps, actor: Actor, ref: DraftRef, intent: Of<'confirm'>): Promise<Reply> {
  const target = await chosen(deps, actor, ref, intent.which, 'confirm');
  if (isReply(target)) return target;
  return confirmDraft(deps, actor, { ...target, ...(intent.registered === undefined ? {} : { registered: intent.registered }) });
}

export async function cancelChosen(deps: CoreDeps, actor: Actor, ref: DraftRef, intent: Of<'cancel'>): Promise<Reply> {
  const target = await chosen(deps, actor, ref, intent.which, 'cancel');
  return isReply(target) ? target : cancelDraft(deps, actor, target);
}

/**
 * What else to say after the reply to a private message: the other previews still waiting, after
 * one was shown, logged or dropped; otherwise, once, the previews left waiting (a restart loses
 * none: they are stored) the next time the person speaks.
 */
export async function draftFollowUps(deps: CoreDeps, actor: Actor, reply: Reply): Promise<Reply[]> {
  // An error is answered on its own: the person fixes what they typed first.
  if (reply.kind === 'drafts-waiting' || reply.kind === 'error') return [];
  if (reply.kind === 'training-preview' || reply.kind === 'question' || reply.kind === 'training-logged' || reply.kind === 'draft-cancelled') {
    const waiting = await waitingDrafts(deps, actor);
    const shownId = reply.kind === 'training-preview' || reply.kind === 'question' ? reply.draftId : null;
    if (!waiting.some((w) => w.draftId !== shownId)) return [];
    await remindOnce(deps, actor);
    return [{ kind: 'drafts-waiting', reason: 'also', answer: 'confirm', drafts: listed(waiting) }];
  }
  const reminder = await remindOnce(deps, actor);
  return reminder ? [{ kind: 'drafts-waiting', reason: 'reminder', answer: 'confirm', drafts: reminder }] : [];
}

/**
 * Where each preview has its own thread and buttons (a Slack or Teams DM), the others are not listed
 * after each reply; but previews left waiting (also across a restart: they are stored) are mentioned
 * once, the next time the person speaks — never the one this reply shows.
 */
export async function draftReminder(deps: CoreDeps, actor: Actor, reply: Reply): Promise<Reply[]> {
  if (reply.kind === 'drafts-waiting' || reply.kind === 'error') return [];
  const shownId = reply.kind === 'training-preview' || reply.kind === 'question' ? reply.draftId : undefined;
  const reminder = await remindOnce(deps, actor, shownId);
  return reminder ? [{ kind: 'drafts-waiting', reason: 'reminder', answer: 'confirm', drafts: reminder }] : [];
}
