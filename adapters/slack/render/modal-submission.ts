import { z } from 'zod';
import type { FormField, FormProblem, TrainingForm } from '../../../src/index.ts';
import { formProblemMessage } from '../../common/form-problems.ts';
import { LOG_ACTION_ID, LOG_BLOCKS } from './modal-ids.ts';

/** view.state.values: block id → action id → the element's state. Anything else is not a view submission. */
const stateValues = z.record(z.string(), z.record(z.string(), z.unknown()));
type StateValues = z.infer<typeof stateValues>;

// Each element's state, as Slack sends it. Empty inputs arrive as null (or without the key).
// Slack sends every input block's state, filled in or not; only the optional ones may be absent
// (a modal opened before a block was added).
const textState = z.object({ value: z.string().nullish() });
const dateState = z.object({ selected_date: z.string().nullish() });
const selectState = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
const checkboxState = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });
const fileState = z.object({ files: z.array(z.object({ id: z.string() })).nullish() });

const REQUIRED = ['title', 'completedOn', 'minutes', 'kind'] as const;

/** The fields a blank form has: every one is reported by checkTrainingForm. */
const BLANK_FORM: TrainingForm = { title: '', completedOn: '', minutes: '', kind: '', registered: false };

/** Shown under the field Slack sent in a shape we do not read (or under the title when nothing is readable). */
export const UNREADABLE_FIELD = "I couldn't read this form as Slack sent it. Close it and open Log a training again.";

export interface SubmissionProblem {
  /** `not-view-state`: values is not block id → action id → state; `missing-block`/`wrong-shape`: what `blocks` lists. */
  readonly reason: 'not-view-state' | 'missing-block' | 'wrong-shape';
  readonly blocks: readonly string[];
}

/**
 * What a "Log a training" submission holds. When Slack's state is not shaped as this modal's
 * (`ok: false`), `errors` is ready for `ack({ response_action: 'errors', errors })` and names only
 * blocks of this modal; `form` is then blank (so a caller that only runs checkTrainingForm still
 * answers with field errors rather than logging anything).
 */
export type LogTrainingSubmission =
  | { readonly ok: true; readonly form: TrainingForm; readonly fileIds: string[] }
  | { readonly ok: false; readonly problem: SubmissionProblem; readonly errors: Record<string, string>; readonly form: TrainingForm; readonly fileIds: string[] };

type Read<T> = { readonly kind: 'read'; readonly state: T } | { readonly kind: 'missing' } | { readonly kind: 'wrong-shape' };

function read<S extends z.ZodTypeAny>(values: StateValues, blockId: string, schema: S): Read<z.infer<S>> {
  const state = values[blockId]?.[LOG_ACTION_ID];
  if (state === undefined) return { kind: 'missing' };
  const parsed = schema.safeParse(state);
  return parsed.success ? { kind: 'read', state: parsed.data as z.infer<S> } : { kind: 'wrong-shape' };
}

function refused(problem: SubmissionProblem): LogTrainingSubmission {
  const shown = problem.reason === 'wrong-shape' ? problem.blocks : [LOG_BLOCKS.title];
  return { ok: false, problem, errors: Object.fromEntries(shown.map((block) => [block, UNREADABLE_FIELD])), form: BLANK_FORM, fileIds: [] };
}

/**
 * "Log a training" submission → the core's form and the uploaded file ids. Empty inputs (Slack sends
 * null) become '' so checkTrainingForm names them. A required block that is missing, or any block
 * not shaped as Slack shapes its element, makes the whole submission unreadable (never a guess);
 * the optional blocks (registration, certificate) may be absent. The registration box is on the
 * form, so an unticked box is an answer ("not registered"); the core reads it only where it matters.
 */
export function readLogTrainingSubmission(values: unknown): LogTrainingSubmission {
  const parsed = stateValues.safeParse(values);
  if (!parsed.success) return refused({ reason: 'not-view-state', blocks: [] });
  const v = parsed.data;
  const reads = {
    title: read(v, LOG_BLOCKS.title, textState),
    completedOn: read(v, LOG_BLOCKS.completedOn, dateState),
    minutes: read(v, LOG_BLOCKS.minutes, textState),
    kind: read(v, LOG_BLOCKS.kind, selectState),
    registered: read(v, LOG_BLOCKS.registered, checkboxState),
    certificate: read(v, LOG_BLOCKS.certificate, fileState),
  };
  const blockOf = (key: keyof typeof reads): string => LOG_BLOCKS[key];
  const keys = Object.keys(reads) as (keyof typeof reads)[];
  const wrong = keys.filter((key) => reads[key].kind === 'wrong-shape').map(blockOf);
  if (wrong.length) return refused({ reason: 'wrong-shape', blocks: wrong });
  const missing = REQUIRED.filter((key) => reads[key].kind === 'missing').map(blockOf);
  if (missing.length) return refused({ reason: 'missing-block', blocks: missing });
  const state = <T>(r: Read<T>): T | null => (r.kind === 'read' ? r.state : null);
  const registered = state(reads.registered)?.selected_options ?? [];
  const form: TrainingForm = {
    title: state(reads.title)?.value ?? '',
    completedOn: state(reads.completedOn)?.selected_date ?? '',
    minutes: state(reads.minutes)?.value ?? '',
    kind: state(reads.kind)?.selected_option?.value ?? '',
    registered: registered.some((o) => o.value === 'yes'),
  };
  return { ok: true, form, fileIds: (state(reads.certificate)?.files ?? []).map((f) => f.id) };
}

const BLOCK_OF: Readonly<Record<FormField, string>> = {
  title: LOG_BLOCKS.title,
  completedOn: LOG_BLOCKS.completedOn,
  minutes: LOG_BLOCKS.minutes,
  kind: LOG_BLOCKS.kind,
};

/** The core's form problems → Slack's `response_action: 'errors'` map (block id → message); the first problem per field wins. */
export function modalErrors(problems: readonly FormProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, code } of problems) errors[BLOCK_OF[field]] ??= formProblemMessage(field, code);
  return errors;
}
