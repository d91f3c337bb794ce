import type { Actor } from '../domain/people.ts';
import { RecertError } from '../errors.ts';
import { readDuration } from '../reading/duration.ts';
import { readTitle } from '../reading/title.ts';
import type { Reply } from '../replies.ts';
import { answerDraft } from '../use-cases/answer-draft.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { loadOpenDraft, type DraftRef } from '../use-cases/draft-store.ts';
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
  const pending = await loadOpenDraft(deps, actor, ref).catch(() => null);
  if (!pending) return null;
  const step = nextStep(pending.draft);
  if (step === 'length' && /^\s*\d+[.,]\d+\s*$/.test(text)) {
    // "1.5" could be hours or minutes: ask again rather than guess.
    throw new RecertError('length-invalid', { text: text.trim(), needsUnit: true });
  }
  const isAnswer = step === 'length' ? isLengthAnswer(text) : step === 'title' && readDuration(text).kind === 'missing';
  return isAnswer ? answerDraft(deps, actor, { text, draftId: pending.record.id }) : null;
}

function isLengthAnswer(text: string): boolean {
  const reading = readDuration(text, { bareNumberIsMinutes: true });
  if (reading.kind === 'missing') return false;
  const spans = reading.kind === 'found' ? [reading.duration] : reading.candidates;
  return readTitle(text, spans) === null;
}
