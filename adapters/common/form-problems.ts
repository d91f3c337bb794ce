import type { ErrorCode, FormField } from '../../src/index.ts';

/**
 * Short wording for the field the error sits under. errorMessage is chat wording: it says "send"
 * and quotes the typed text or date, which a FormProblem does not carry (it would read "That date
 * () is in the future"), so forms have their own sentences; a code checkTrainingForm does not
 * produce today falls back to the field's usual message rather than to a half-filled sentence.
 */
const CODE_MESSAGES: Partial<Readonly<Record<ErrorCode, string>>> = {
  'future-date': 'That date is in the future. Log a training once you have finished it.',
  'date-before-range': 'That date is too far back.',
  'text-control-character': 'This contains an invisible control character (text pasted from a PDF often does). Type it again without it.',
};

const FIELD_MESSAGES: Readonly<Record<FormField, string>> = {
  title: "Enter the training's title (at least 3 letters, or an acronym such as E/M; 300 characters at most).",
  completedOn: 'Pick the date you finished the training.',
  minutes: 'Enter the length in whole minutes, from 0 to 1440.',
  kind: 'Pick the kind of activity.',
};

/** The sentence shown under a form's field (Slack's modal, Teams' "Log a training" card) for one of checkTrainingForm's problems. */
export function formProblemMessage(field: FormField, code: ErrorCode): string {
  return CODE_MESSAGES[code] ?? FIELD_MESSAGES[field];
}
