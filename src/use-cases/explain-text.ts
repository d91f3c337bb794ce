import type { DateTime } from 'luxon';
import { awardCredit } from '../domain/credit.ts';
import { CMSS_RULES, type CredentialRules } from '../domain/credential-rules.ts';
import type { ActivityKind } from '../domain/activity-kind.ts';
import type { IsoDate } from '../domain/dates.ts';
import { MAX_TRAINING_MINUTES } from '../domain/limits.ts';
import { MAX_TRAINING_TEXT, readTraining } from '../reading/training-text.ts';

export type ExplainReason = 'length-missing' | 'length-ambiguous' | 'needs-review' | 'future-date' | 'invalid-date' | 'vague-date' | 'length-too-long' | 'text-too-long' | 'empty';

/** What the bot understands from a text, without storing anything (the `recert parse` command). */
export interface TextExplanation {
  readonly text: string;
  readonly title: string | null;
  readonly kind: ActivityKind;
  readonly minutes: number | null;
  readonly ceu: number | null;
  readonly index: string | null;
  readonly date: IsoDate | null;
  readonly dateStated: boolean;
  readonly approximate: boolean;
  readonly registered: boolean | null;
  readonly candidates: readonly { readonly minutes: number; readonly text: string }[];
  readonly explanation: string;
  readonly reason: ExplainReason | null;
}

export function explainText(text: string, now: DateTime, zone: string, rules: CredentialRules = CMSS_RULES): TextExplanation {
  const trimmed = text.trim();
  const blank = { text, title: null, kind: 'other' as const, minutes: null, ceu: null, index: null, date: null, dateStated: false, approximate: false, registered: null, candidates: [] };
  if (!trimmed) return { ...blank, explanation: 'There is no text to read.', reason: 'empty' };
  if (trimmed.length > MAX_TRAINING_TEXT) return { ...blank, explanation: `The text is longer than ${MAX_TRAINING_TEXT} characters.`, reason: 'text-too-long' };
  const reading = readTraining(trimmed, now, zone);
  const base = {
    ...blank,
    title: reading.title,
    kind: reading.kind,
    registered: reading.registered,
    // A future date is still what the text says (shown, with the reason it is refused); an invalid one is no date.
    date: reading.date.kind === 'invalid' || reading.date.kind === 'vague' ? null : reading.date.date,
    dateStated: reading.date.kind === 'stated' || reading.date.kind === 'future',
  };
  const length = explainLength(reading.duration, rules);
  const refusal = dateRefusal(reading.date);
  if (!refusal) return { ...base, ...length };
  // The length is still reported as read: the date alone is what stops the entry.
  return { ...base, ...length, explanation: `${refusal.explanation} Read otherwise: ${length.explanation}`, reason: refusal.reason };
}

type LengthPart = Pick<TextExplanation, 'minutes' | 'ceu' | 'index' | 'approximate' | 'candidates' | 'explanation' | 'reason'>;

function dateRefusal(date: ReturnType<typeof readTraining>['date']): { explanation: string; reason: ExplainReason } | null {
  if (date.kind === 'invalid') return { explanation: `"${date.text}" is not a real date.`, reason: 'invalid-date' };
  if (date.kind === 'vague') return { explanation: `"${date.text}" does not say which day: the bot asks for it.`, reason: 'vague-date' };
  if (date.kind === 'future') return { explanation: `The completion date ${date.date} ("${date.text}") is in the future.`, reason: 'future-date' };
  return null;
}

function explainLength(duration: ReturnType<typeof readTraining>['duration'], rules: CredentialRules): LengthPart {
  const none = { minutes: null, ceu: null, index: null, approximate: false, candidates: [] };
  if (duration.kind === 'missing') return { ...none, explanation: 'No length found: how many minutes was it?', reason: 'length-missing' };
  if (duration.kind === 'ambiguous') {
    const candidates = duration.candidates.map(({ minutes, text: t }) => ({ minutes, text: t }));
    const listed = candidates.map((c) => `"${c.text}" (${c.minutes} min)`).join(' or ');
    return { ...none, candidates, explanation: `More than one length: ${listed}. Which one was it?`, reason: 'length-ambiguous' };
  }
  const { minutes, how, approximate } = duration.duration;
  if (minutes > MAX_TRAINING_MINUTES) return { ...none, minutes, approximate, explanation: `${how}; longer than any one training (${MAX_TRAINING_MINUTES} minutes at most).`, reason: 'length-too-long' };
  const award = awardCredit(rules, minutes);
  const awarded = award.kind === 'awarded';
  return {
    ...none,
    minutes: award.minutes,
    approximate,
    ceu: awarded ? award.credit : null,
    index: awarded ? award.indexNumber : null,
    explanation: `${how}; ${award.explanation}`,
    reason: awarded ? null : 'needs-review',
  };
}
