import { isActivityKind } from '../domain/activity-kind.ts';
import { isIsoDate, localDate, type IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import { insertDraft } from '../db/repositories/drafts.ts';
import { MAX_TITLE_LENGTH, MAX_TRAINING_MINUTES } from '../domain/limits.ts';
import { RecertError, type ErrorCode } from '../errors.ts';
import type { Reply } from '../replies.ts';
import { confirmDraft } from './confirm-draft.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf } from './shared.ts';
import type { TrainingDraft } from './training-draft.ts';

/** A training entered field by field (a form, a modal) rather than written as a sentence. */
export interface TrainingForm {
  readonly title: string;
  readonly completedOn: string;
  /** As typed; whole minutes are expected. */
  readonly minutes: string;
  readonly kind: string;
  readonly registered?: boolean;
}

export type FormField = 'title' | 'completedOn' | 'minutes' | 'kind';

export interface FormProblem {
  readonly field: FormField;
  readonly code: ErrorCode;
}


/** Check a form without touching the database (fast enough for a modal's 3-second answer). */
export function checkTrainingForm(form: TrainingForm, today: IsoDate): FormProblem[] {
  const problems: FormProblem[] = [];
  const title = form.title.trim();
  if ((title.match(/\p{L}/gu)?.length ?? 0) < 3 || title.length > MAX_TITLE_LENGTH) problems.push({ field: 'title', code: 'title-missing' });
  if (!isIsoDate(form.completedOn)) problems.push({ field: 'completedOn', code: 'invalid-date' });
  else if (form.completedOn > today) problems.push({ field: 'completedOn', code: 'future-date' });
  const minutes = Number(form.minutes.trim());
  if (!/^\d{1,4}$/.test(form.minutes.trim()) || minutes > MAX_TRAINING_MINUTES) problems.push({ field: 'minutes', code: 'length-invalid' });
  if (!isActivityKind(form.kind)) problems.push({ field: 'kind', code: 'kind-unknown' });
  return problems;
}

/**
 * Log a training from a form. The form is its own confirmation, so the entry is logged at once
 * (through a draft, which keeps the logging path, its idempotency and its audit in one place).
 */
export async function logTrainingForm(deps: CoreDeps, actor: Actor, form: TrainingForm, options: { readonly anchor?: string } = {}): Promise<Reply> {
  const draft = draftFromForm(deps, actor, form);
  const record = await insertDraft(deps.db, actor.organisationId, { personId: actor.personId, payload: draft, source: actor.source, anchor: options.anchor ?? null }, nowOf(deps));
  return confirmDraft(deps, actor, { draftId: record.id, ...(form.registered === undefined ? {} : { registered: form.registered }) });
}

/** The draft a valid form describes; a field problem is thrown as the person's error. */
export function draftFromForm(deps: CoreDeps, actor: Actor, form: TrainingForm): TrainingDraft {
  const today = localDate(deps.clock.now(), actor.timeZone);
  const problem = checkTrainingForm(form, today)[0];
  if (problem) throw new RecertError(problem.code, { field: problem.field, text: fieldText(form, problem.field).slice(0, 80), date: form.completedOn, today });
  const minutes = Number(form.minutes.trim());
  return {
    text: `${form.title.trim()} — ${minutes} min on ${form.completedOn} (form)`,
    title: form.title.trim(),
    kind: isActivityKind(form.kind) ? form.kind : 'other',
    kindStated: true,
    completedOn: form.completedOn,
    dateStated: true,
    minutes,
    minutesSource: 'stated',
    durationText: `${minutes} min`,
    durationHow: `${minutes} minutes, as entered`,
    approximate: false,
    candidates: [],
    registered: form.registered ?? null,
  };
}

function fieldText(form: TrainingForm, field: FormField): string {
  return String(form[field]);
}
