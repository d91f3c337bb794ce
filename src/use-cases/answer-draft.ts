import type { DateTime } from 'luxon';
import type { IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import { updateDraftPayload } from '../db/repositories/drafts.ts';
import { checkCompletionDate, checkMinutes, checkTitle, checkTyped, orRefuse } from '../domain/training-field-rules.ts';
import { RecertError } from '../errors.ts';
import { readCompletionDate } from '../reading/completion-date.ts';
import { readDuration } from '../reading/duration.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { replyForDraft } from './draft-reply.ts';
import { loadOpenDraft, type DraftRef } from './draft-store.ts';
import { nowOf, standingOf, todayFor } from './shared.ts';
import { nextStep, type TrainingDraft } from './training-draft.ts';

/** Complete an open draft with the person's answer to the bot's question (its length or its title). */
export async function answerDraft(deps: CoreDeps, actor: Actor, input: DraftRef & { readonly text: string }): Promise<Reply> {
  orRefuse(checkTyped(input.text, 'message'));
  const { record, draft } = await loadOpenDraft(deps, actor, input);
  const updated = applyAnswer(draft, input.text.trim(), { now: deps.clock.now(), zone: actor.timeZone, today: todayFor(deps, actor) });
  await updateDraftPayload(deps.db, actor.organisationId, record.id, updated, nowOf(deps));
  const standing = await standingOf(deps.db, actor, todayFor(deps, actor));
  return replyForDraft(record.id, updated, standing);
}

/** When the answer is read: a day ("Nov 3", "the 14th") is read in the person's zone. */
export interface AnswerContext {
  readonly now: DateTime;
  readonly zone: string;
  readonly today: IsoDate;
}

export function applyAnswer(draft: TrainingDraft, answer: string, context: AnswerContext): TrainingDraft {
  const step = nextStep(draft);
  if (step === 'length') return withLength(draft, answer);
  if (step === 'date') return withDate(draft, answer, context);
  // The whole answer is the title (quotes around it are not part of it); the one title rule decides.
  if (step === 'title') return { ...draft, title: orRefuse(checkTitle(answer.replace(/["“”]/g, ''))) };
  return draft;
}

function withLength(draft: TrainingDraft, answer: string): TrainingDraft {
  const reading = readDuration(answer, { bareNumberIsMinutes: true });
  if (reading.kind === 'missing') throw new RecertError('length-invalid', { text: answer.slice(0, 80) });
  if (reading.kind === 'ambiguous') {
    return { ...draft, candidates: reading.candidates.map(({ minutes, text }) => ({ minutes, text })) };
  }
  const { minutes, text, how, approximate } = reading.duration;
  orRefuse(checkMinutes(minutes));
  return { ...draft, minutes, minutesSource: 'answered', durationText: text, durationHow: how, approximate, candidates: [] };
}

/** The day the person names in answer to "which day?"; a period again ("last month") is asked again. */
function withDate(draft: TrainingDraft, answer: string, { now, zone, today }: AnswerContext): TrainingDraft {
  const reading = readCompletionDate(answer, now, zone);
  if (reading.kind === 'future') throw new RecertError('future-date', { date: reading.date, today, what: 'training' });
  if (reading.kind !== 'stated') throw new RecertError('invalid-date', { text: answer.slice(0, 60) });
  return { ...draft, completedOn: orRefuse(checkCompletionDate(reading.date, today)), dateStated: true, dateAsked: null };
}
