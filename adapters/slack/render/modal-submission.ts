import { z } from 'zod';
import type { ErrorCode, FormField, FormProblem, TrainingForm } from '../../../src/index.ts';
import { LOG_ACTION_ID, LOG_BLOCKS } from './modal-ids.ts';

/** view.state.values: block id → action id → the element's state. Anything else is not a view submission. */
const stateValues = z.record(z.string(), z.record(z.string(), z.unknown()));
type StateValues = z.infer<typeof stateValues>;

// Each element's state, as Slack sends it. Empty inputs arrive as null (or without the key).
const textState = z.object({ value: z.string().nullish() });
const dateState = z.object({ selected_date: z.string().nullish() });
const selectState = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
const checkboxState = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });
const fileState = z.object({ files: z.array(z.object({ id: z.string() })).nullish() });

/** One element's state, or null when it is missing or not shaped as expected (the form check reports the field). */
function read<S extends z.ZodTypeAny>(values: StateValues, blockId: string, schema: S): z.infer<S> | null {
  const parsed = schema.safeParse(values[blockId]?.[LOG_ACTION_ID]);
  return parsed.success ? (parsed.data as z.infer<S>) : null;
}

/**
 * "Log a training" submission → the core's form and the uploaded file ids. Missing or empty fields
 * become '' so checkTrainingForm names them; only a payload that is not view state at all throws.
 * The registration box is on the form, so an unticked box is an answer ("not registered"); the core
 * reads it only for kinds that need registration.
 */
export function readLogTrainingSubmission(values: unknown): { form: TrainingForm; fileIds: string[] } {
  const parsed = stateValues.safeParse(values);
  if (!parsed.success) {
    throw new Error(`Malformed "Log a training" submission: view.state.values must map block ids to action states (${parsed.error.issues[0]?.message ?? 'unreadable'})`);
  }
  const v = parsed.data;
  const registered = read(v, LOG_BLOCKS.registered, checkboxState)?.selected_options ?? [];
  const files = read(v, LOG_BLOCKS.certificate, fileState)?.files ?? [];
  const form: TrainingForm = {
    title: read(v, LOG_BLOCKS.title, textState)?.value ?? '',
    completedOn: read(v, LOG_BLOCKS.completedOn, dateState)?.selected_date ?? '',
    minutes: read(v, LOG_BLOCKS.minutes, textState)?.value ?? '',
    kind: read(v, LOG_BLOCKS.kind, selectState)?.selected_option?.value ?? '',
    registered: registered.some((o) => o.value === 'yes'),
  };
  return { form, fileIds: files.map((f) => f.id) };
}

const BLOCK_OF: Readonly<Record<FormField, string>> = {
  title: LOG_BLOCKS.title,
  completedOn: LOG_BLOCKS.completedOn,
  minutes: LOG_BLOCKS.minutes,
  kind: LOG_BLOCKS.kind,
};

/**
 * Short wording for the field the error sits under. errorMessage is chat wording: it says "send"
 * and quotes the typed text or date, which a FormProblem does not carry (it would read "That date
 * () is in the future"), so the modal has its own sentences; a code checkTrainingForm does not
 * produce today falls back to the field's usual message rather than to a half-filled sentence.
 */
const CODE_MESSAGES: Partial<Readonly<Record<ErrorCode, string>>> = {
  'future-date': 'That date is in the future. Log a training once you have finished it.',
  'date-before-range': 'That date is too far back.',
};

const FIELD_MESSAGES: Readonly<Record<FormField, string>> = {
  title: "Enter the training's title (at least 3 letters, 300 characters at most).",
  completedOn: 'Pick the date you finished the training.',
  minutes: 'Enter the length in whole minutes, from 0 to 1440.',
  kind: 'Pick the kind of activity.',
};

/** The core's form problems → Slack's `response_action: 'errors'` map (block id → message); the first problem per field wins. */
export function modalErrors(problems: readonly FormProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, code } of problems) errors[BLOCK_OF[field]] ??= CODE_MESSAGES[code] ?? FIELD_MESSAGES[field];
  return errors;
}
