import { isActivityKind } from '../domain/activity-kind.ts';
import { localDate, type IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import { insertDraft } from '../db/repositories/drafts.ts';
import { checkCompletionDate, checkKind, checkMinutesText, checkTitle, type FieldCheck } from '../domain/training-field-rules.ts';
import { RecertError, type ErrorCode, type ErrorDetails } from '../errors.ts';
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
  /** What the field rule said (e.g. which control character, and where). */
  readonly details?: ErrorDetails;
}


/** Check a form without touching the database (fast enough for a modal's 3-second answer); the same field rules as chat and edit. */
export function checkTrainingForm(form: TrainingForm, today: IsoDate): FormProblem[] {
  const checks: readonly (readonly [FormField, FieldCheck<unknown>])[] = [
    ['title', checkTitle(form.title)],
    ['completedOn', checkCompletionDate(form.completedOn, today)],
    ['minutes', checkMinutesText(form.minutes)],
    ['kind', checkKind(form.kind)],
  ];
  return checks.flatMap(([field, check]) => (check.ok ? [] : [{ field, code: check.problem.code, details: check.problem.details }]));
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
  if (problem) throw new RecertError(problem.code, { text: fieldText(form, problem.field).slice(0, 80), date: form.completedOn, today, ...problem.details, field: problem.field });
  const minutes = Number(form.minutes.trim());
  const title = form.title.replace(/\s+/g, ' ').trim();
  return {
    text: `${title} — ${minutes} min on ${form.completedOn} (form)`,
    title,
    kind: isActivityKind(form.kind) ? form.kind : 'other',
    kindStated: true,
    completedOn: form.completedOn,
    dateStated: true,
    dateAsked: null,
    // The form is filled in on purpose, from the MLN catalogue; it is not asked.
    cmsStated: true,
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
