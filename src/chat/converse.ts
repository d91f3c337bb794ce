import type { Actor } from '../domain/people.ts';
import { isRecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { cancelDraft } from '../use-cases/cancel-draft.ts';
import { confirmDraft } from '../use-cases/confirm-draft.ts';
import { deleteTraining } from '../use-cases/delete-training.ts';
import { getHistory } from '../use-cases/get-history.ts';
import { getStatus } from '../use-cases/get-status.ts';
import { logTraining } from '../use-cases/log-training.ts';
import { undoLast } from '../use-cases/undo.ts';
import { answerIfPending } from './answer-pending.ts';
import { editFromChat, feeFromChat, certFromChat } from './command-use-cases.ts';
import type { Intent } from './intent.ts';
import { interpret } from './interpret.ts';

/**
 * One chat message in, the bot's replies out. Every adapter (terminal, Slack, Teams) sends a
 * person's text here; errors a person can cause come back as `error` replies, never as throws.
 */
export interface ConverseOptions {
  /** Greet first: the person has never talked to the bot. */
  readonly firstContact?: boolean;
  /** The conversation (e.g. a Slack thread) a training logged from this message belongs to. */
  readonly anchor?: string;
}

export async function converse(deps: CoreDeps, actor: Actor, text: string, options: ConverseOptions = {}): Promise<Reply[]> {
  const replies: Reply[] = options.firstContact ? [{ kind: 'welcome', displayName: actor.displayName, hasCredential: false }] : [];
  replies.push(await replyTo(deps, actor, interpret(text), text, options.anchor));
  return replies;
}

/** Run one intent, turning a person's mistakes (coded errors) into an error reply. */
export async function replyTo(deps: CoreDeps, actor: Actor, intent: Intent, text: string, anchor?: string): Promise<Reply> {
  try {
    const answered = await answerIfPending(deps, actor, intent, text);
    return answered ?? (await dispatch(deps, actor, intent, anchor));
  } catch (error) {
    if (isRecertError(error)) return { kind: 'error', code: error.code, details: error.details };
    throw error;
  }
}

async function dispatch(deps: CoreDeps, actor: Actor, intent: Intent, anchor: string | undefined): Promise<Reply> {
  switch (intent.kind) {
    case 'help':
      return { kind: 'help', topic: intent.topic };
    case 'status':
      return getStatus(deps, actor);
    case 'history':
      return getHistory(deps, actor, intent.page);
    case 'undo':
      return undoLast(deps, actor);
    case 'confirm':
      return confirmDraft(deps, actor, intent.registered === undefined ? {} : { registered: intent.registered });
    case 'cancel':
      return cancelDraft(deps, actor);
    case 'log':
      return logTraining(deps, actor, intent.text, anchor === undefined ? {} : { anchor });
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
