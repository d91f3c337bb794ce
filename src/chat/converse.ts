import type { Actor } from '../domain/people.ts';
import { isRecertError } from '../errors.ts';
import { checkTyped, orRefuse } from '../domain/training-field-rules.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { deleteTraining } from '../use-cases/delete-training.ts';
import type { DraftRef } from '../use-cases/draft-store.ts';
import { getHistory } from '../use-cases/get-history.ts';
import { getStatus } from '../use-cases/get-status.ts';
import { logTraining } from '../use-cases/log-training.ts';
import { undoLast } from '../use-cases/undo.ts';
import { answerIfPending } from './answer-pending.ts';
import { editFromChat, feeFromChat, certFromChat } from './command-use-cases.ts';
import type { Mentions } from '../use-cases/subjects.ts';
import { dispatchManager } from './dispatch-manager.ts';
import { dispatchRemind, isRemindIntent } from './dispatch-remind.ts';
import type { ReminderChannel } from '../use-cases/reminders/channel-view.ts';
import { dispatchRoster } from './dispatch-roster.ts';
import { ROSTER_KINDS, type RosterIntent } from './roster-intent.ts';
import { dispatchAudit, isAuditIntent } from './dispatch-audit.ts';
import { withNotices } from '../use-cases/audit/notices.ts';
import { cancelChosen, confirmChosen, draftFollowUps, draftReminder } from './dispatch-drafts.ts';
import type { Intent } from './intent.ts';
import type { ManagerIntent } from './manager-intent.ts';
import { interpret } from './interpret.ts';

/** Where a message was written. */
export interface ConverseOptions {
  /** Greet first: the person has never talked to the bot. */
  readonly firstContact?: boolean;
  /** The conversation (e.g. a Slack thread): a training logged here, and answers about it, belong to it. */
  readonly anchor?: string;
  /**
   * A place others can read (a channel). There, "yes", "no" and answers only reach a preview opened
   * in the same conversation, never the person's private one elsewhere.
   */
  readonly public?: boolean;
  /** The people the message mentions, as the adapter resolved them (Slack: users.info). */
  readonly mentions?: Mentions;
  /** The channel the message was typed in, for `remind …` (absent in a DM). */
  readonly channel?: ReminderChannel;
}

/**
 * One chat message in, the bot's replies out. Every adapter (terminal, Slack, Teams) sends a
 * person's text here; errors a person can cause come back as `error` replies, never as throws.
 */
export async function converse(deps: CoreDeps, actor: Actor, text: string, options: ConverseOptions = {}): Promise<Reply[]> {
  const replies: Reply[] = options.firstContact ? [{ kind: 'welcome', displayName: actor.displayName, hasCredential: false }] : [];
  const reply = await replyTo(deps, actor, interpret(text), text, options);
  // An audit's private requests follow the reply that sends them.
  replies.push(...withNotices(reply));
  // One conversation without threads (the terminal) lists the other previews waiting; where each
  // preview has its own thread (Slack, an anchor), its thread and buttons keep it answerable, and
  // previews left waiting are only mentioned once, the next time the person speaks.
  if (!options.public) replies.push(...(await (options.anchor === undefined ? draftFollowUps : draftReminder)(deps, actor, reply)));
  return replies;
}

/** Run one intent, turning a person's mistakes (coded errors) into an error reply. */
export async function replyTo(deps: CoreDeps, actor: Actor, intent: Intent, text: string, options: ConverseOptions = {}): Promise<Reply> {
  const draft: DraftRef = { ...(options.anchor ? { anchor: options.anchor } : {}), strict: options.public === true };
  return asReply(async () => {
    // Refused before anything reads it: a NUL or other control character is never stored (PostgreSQL refuses U+0000).
    orRefuse(checkTyped(text, 'message'));
    return (await answerIfPending(deps, actor, intent, text, draft)) ?? dispatch(deps, actor, intent, draft, options);
  });
}

/** A person's mistake (a coded RecertError) becomes an error reply; anything else still throws. */
export async function asReply(work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (isRecertError(error)) return { kind: 'error', code: error.code, details: error.details };
    throw error;
  }
}

async function dispatch(deps: CoreDeps, actor: Actor, intent: Intent, draft: DraftRef, options: ConverseOptions): Promise<Reply> {
  if (isManagerIntent(intent)) return dispatchManager(deps, actor, intent, options.mentions ?? new Map());
  if (isRemindIntent(intent)) return dispatchRemind(deps, actor, intent, options.channel ?? null);
  if (isRosterIntent(intent)) return dispatchRoster(deps, actor, intent, options.mentions ?? new Map());
  if (isAuditIntent(intent)) return dispatchAudit(deps, actor, intent);
  switch (intent.kind) {
    case 'help':
      return { kind: 'help', topic: intent.topic };
    case 'greeting':
      return { kind: 'greeting', displayName: actor.displayName, ...(intent.thanks ? { thanks: true } : {}) };
    case 'status':
      return getStatus(deps, actor);
    case 'history':
      return getHistory(deps, actor, intent.page);
    case 'undo':
      return undoLast(deps, actor);
    case 'confirm':
      return confirmChosen(deps, actor, draft, intent);
    case 'cancel':
      return cancelChosen(deps, actor, draft, intent);
    case 'log':
      return logTraining(deps, actor, intent.text, draft.anchor === undefined ? {} : { anchor: draft.anchor });
    case 'cert':
      return certFromChat(deps, actor, intent);
    case 'fee':
      return feeFromChat(deps, actor, intent);
    case 'edit':
      return editFromChat(deps, actor, intent);
    case 'delete':
      return deleteTraining(deps, actor, intent.seq);
    case 'attach-local':
      return { kind: 'error', code: 'proof-local-path', details: { path: intent.path } };
    case 'unknown':
      return intent.reason === 'usage' && intent.topic ? { kind: 'help', topic: intent.topic } : { kind: 'not-understood', text: intent.text };
  }
}

const MANAGER_KINDS: ReadonlySet<string> = new Set(['report', 'status-of', 'history-of', 'role', 'roles', 'team', 'teams', 'export']);

function isManagerIntent(intent: Intent): intent is ManagerIntent {
  return MANAGER_KINDS.has(intent.kind);
}

function isRosterIntent(intent: Intent): intent is RosterIntent {
  return ROSTER_KINDS.has(intent.kind);
}
