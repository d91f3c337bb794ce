import type { Actor } from '../domain/people.ts';
import { isRecertError, RecertError, type ErrorCode } from '../errors.ts';
import { readDuration } from '../reading/duration.ts';
import { readActivityKind } from '../reading/activity-kind.ts';
import { readTitle } from '../reading/title.ts';
import type { Reply } from '../replies.ts';
import { answerDraft } from '../use-cases/answer-draft.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { loadOpenDraft, type DraftRef, type LoadedDraft } from '../use-cases/draft-store.ts';
import { nextStep } from '../use-cases/training-draft.ts';
import type { Intent } from './intent.ts';

/**
 * When the bot has just asked for a length or a title, a short reply ("45", "an hour",
 * "Telehealth billing webinar") answers it instead of starting something new. Commands are not
 * answers, and neither is a message that describes a whole training (it has its own length).
 */
export async function answerIfPending(deps: CoreDeps, actor: Actor, intent: Intent, text: string, ref: DraftRef): Promise<Reply | null> {
  const free = (intent.kind === 'log' && !intent.explicit) || (intent.kind === 'unknown' && intent.reason === 'unrecognised');
  if (!free) return null;
  const pending = await pendingDraft(deps, actor, ref);
  if (!pending) return null;
  const step = nextStep(pending.draft);
  if (step === 'length' && /^\s*\d+[.,]\d+\s*$/.test(text)) {
    // "1.5" could be hours or minutes: ask again rather than guess.
    throw new RecertError('length-invalid', { text: text.trim(), needsUnit: true });
  }
  const isAnswer = step === 'length' ? isLengthAnswer(text) : step === 'title' ? readDuration(text).kind === 'missing' : step === 'date' && !namesATraining(text);
  return isAnswer ? answerDraft(deps, actor, { text, draftId: pending.record.id }) : null;
}

/**
 * The open draft waiting for an answer, or null when there is none. Only "no draft is waiting" means
 * null: none found (or a cancelled one), the conversation's draft already logged, or too old to
 * answer — then the message is something new (a thread may carry a second training). Anything else,
 * a database failure above all, propagates: it is not "nothing waiting".
 */
const NOTHING_WAITING: ReadonlySet<ErrorCode> = new Set(['draft-not-found', 'draft-already-logged', 'draft-expired']);

async function pendingDraft(deps: CoreDeps, actor: Actor, ref: DraftRef): Promise<LoadedDraft | null> {
  try {
    return await loadOpenDraft(deps, actor, ref);
  } catch (error) {
    if (isRecertError(error) && NOTHING_WAITING.has(error.code)) return null;
    throw error;
  }
}

/** A message with a length or a kind word of its own describes a training, not a title or a day. */
function namesATraining(text: string): boolean {
  return readDuration(text).kind !== 'missing' || readActivityKind(text).stated;
}

/** Words around a length in an answer ("about an hour I think", "it was 45 min"): talk, not a title. */
const ANSWER_TALK = new Set(
  ('i it it\'s its was is were that this about around roughly approximately approx approx. maybe probably think guess believe say i\'d ' +
    'pretty sure like just only so or in total all altogether together whole thing took take me us lasted ran long yeah yes ok okay hmm um uh ' +
    'well actually honestly with breaks including the a an of for').split(' '),
);

/**
 * A length, with nothing around it but talk, answers the question; a message with words of its own
 * (a title, a kind, quotes) is a new training.
 */
function isLengthAnswer(text: string): boolean {
  const reading = readDuration(text, { bareNumberIsMinutes: true });
  if (reading.kind === 'missing' || namesOwnTraining(text)) return false;
  const spans = reading.kind === 'found' ? [reading.duration] : reading.candidates;
  let rest = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`;
  const words = rest.toLowerCase().replace(/[\p{Extended_Pictographic}\u{FE0F},;:.!?~()"“”]/gu, ' ').split(/\s+/).filter(Boolean);
  return words.every((w) => ANSWER_TALK.has(w)) || readTitle(text, spans) === null;
}

/** Quotes or a kind word ("webinar", "course") mean the person is describing a training. */
function namesOwnTraining(text: string): boolean {
  return /["“”‘]/.test(text) || readActivityKind(text).stated;
}
