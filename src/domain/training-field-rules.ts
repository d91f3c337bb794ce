import { isActivityKind, type ActivityKind } from './activity-kind.ts';
import { isIsoDate, type IsoDate } from './dates.ts';
import { MAX_TITLE_LENGTH, MAX_TRAINING_MINUTES, MIN_TITLE_LETTERS, OLDEST_DATE_YEARS, oldestAcceptedDate } from './limits.ts';
import { namesACourse } from './short-title.ts';
import { findControlCharacter, type TypedField } from './text.ts';
import { RecertError, type ErrorCode, type ErrorDetails } from '../errors.ts';

/**
 * One rule per field of a training, used by every path that sets it: chat (`logTraining`,
 * answers), the form (`checkTrainingForm`) and `editTraining`. A path may read the value its own
 * way (words, a date picker, a number box) but accepts and refuses the same values.
 */
export interface FieldProblem {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
}

export type FieldCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: FieldProblem };

const ok = <T>(value: T): FieldCheck<T> => ({ ok: true, value });
const problem = <T>(code: ErrorCode, details: ErrorDetails = {}): FieldCheck<T> => ({ ok: false, problem: { code, details } });

/** Refuse text holding a character that cannot be stored as typed (see text.ts). */
export function checkTyped(text: string, field: TypedField): FieldCheck<string> {
  const found = findControlCharacter(text, field);
  return found ? problem('text-control-character', { field, ...found }) : ok(text);
}

/**
 * A title: whitespace runs read as one space; at least 3 letters (any script — "123" or "..." names
 * no course) or a short acronym title ("E/M", see short-title.ts) and at most 300 characters; no
 * control characters. The value is the tidied title.
 */
export function checkTitle(text: string): FieldCheck<string> {
  const typed = checkTyped(text, 'title');
  if (!typed.ok) return typed;
  const title = text.replace(/\s+/g, ' ').trim();
  if (!title) return problem('title-missing');
  // A short title is named back to the person ("X" is too short); a long one is not (300+ characters).
  if (!namesACourse(title)) return problem('title-invalid', { min: MIN_TITLE_LETTERS, max: MAX_TITLE_LENGTH, length: title.length, title });
  if (title.length > MAX_TITLE_LENGTH) return problem('title-invalid', { min: MIN_TITLE_LETTERS, max: MAX_TITLE_LENGTH, length: title.length });
  return ok(title);
}

/** A completion date: a real yyyy-MM-dd day, not after today, not more than 10 years back. */
export function checkCompletionDate(date: string, today: IsoDate): FieldCheck<IsoDate> {
  // (IsoDate is a string, so the guard cannot narrow: check it as text.)
  const text: string = date;
  if (!isIsoDate(text)) return problem('invalid-date', { text: date.slice(0, 40) });
  if (date > today) return problem('future-date', { date, today, what: 'training' });
  if (date < oldestAcceptedDate(today)) return problem('date-before-range', { date, years: OLDEST_DATE_YEARS });
  return ok(date);
}

/** A length in minutes (fractions are dropped later, by the credit rule): 0 up to a day. */
export function checkMinutes(minutes: number): FieldCheck<number> {
  if (!Number.isFinite(minutes) || minutes < 0) return problem('length-invalid', { minutes: String(minutes) });
  if (minutes > MAX_TRAINING_MINUTES) return problem('length-too-long', { minutes, max: MAX_TRAINING_MINUTES });
  return ok(minutes);
}

/** A length typed as a number of whole minutes (a form's number box), then the minutes rule. */
export function checkMinutesText(text: string): FieldCheck<number> {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return problem('length-invalid', { text: trimmed.slice(0, 40) });
  return checkMinutes(Number(trimmed));
}

export function checkKind(text: string): FieldCheck<ActivityKind> {
  return isActivityKind(text) ? ok(text) : problem('kind-unknown', { text: text.slice(0, 40) });
}

/** The checked value, or the problem as a RecertError (for paths that stop at the first problem). */
export function orRefuse<T>(check: FieldCheck<T>): T {
  if (!check.ok) throw new RecertError(check.problem.code, check.problem.details);
  return check.value;
}
