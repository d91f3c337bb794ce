import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, type FormField, type FormProblem, type IsoDate, type TrainingForm } from '../../../src/index.ts';
import { formProblemMessage } from '../../common/form-problems.ts';
import { CARD_VERSION, type AdaptiveCard, type CardContext, type CardElement } from './adaptive-card.ts';
import { VERB_PREFIX } from './card-actions.ts';

/** The action a submitted form carries (not one of the presentation's: only Teams has this card). */
export const LOG_FORM_SUBMIT = 'log-form-submit';

export interface LogFormInput {
  /** The person's today: the date offered, and the latest one the picker allows. */
  readonly today: IsoDate;
  /** What was typed, when the card is shown again. */
  readonly values?: Partial<TrainingForm>;
  readonly problems?: readonly FormProblem[];
  /** Edit on a preview: the draft the form fills in (submitting it logs that draft, at most one entry). */
  readonly draftId?: string;
}

const FIELD_LABELS: Readonly<Record<FormField, string>> = { title: 'Title', completedOn: 'Date completed', minutes: 'Length (minutes)', kind: 'Kind of activity' };

/** What Teams shows under an empty required field before sending anything (the schema asks every required input for one). */
const REQUIRED_MESSAGES: Readonly<Record<FormField, string>> = { title: 'Enter the training\'s title.', completedOn: 'Pick the date you completed it.', minutes: 'Enter its length in minutes (0 to 1440).', kind: 'Choose the kind of activity.' };

/**
 * The "Log a training" form: title, date (Input.Date), minutes (Input.Number), kind
 * (Input.ChoiceSet). Action.Execute sends the inputs beside `data`; the answer is the preview card
 * (Confirm / Edit / Cancel), or this card again with what was typed and a message under each bad field.
 */
export function logFormCard(input: LogFormInput, context: CardContext): AdaptiveCard {
  const values = input.values ?? {};
  const problems = input.problems ?? [];
  const message = (field: FormField): string | undefined => {
    const problem = problems.find((p) => p.field === field);
    return problem ? formProblemMessage(field, problem.code) : undefined;
  };
  const minutes = Number(values.minutes);
  const fields: readonly (readonly [FormField, CardElement])[] = [
    ['title', { type: 'Input.Text', id: 'title', placeholder: 'e.g. Medicare Billing Basics', maxLength: 300, isRequired: true, value: values.title ?? '' }],
    ['completedOn', { type: 'Input.Date', id: 'completedOn', max: input.today, isRequired: true, value: values.completedOn ?? input.today }],
    ['minutes', { type: 'Input.Number', id: 'minutes', min: 0, max: 1440, placeholder: 'e.g. 60', isRequired: true, ...(values.minutes && Number.isFinite(minutes) ? { value: minutes } : {}) }],
    ['kind', { type: 'Input.ChoiceSet', id: 'kind', style: 'compact', isRequired: true, value: values.kind ?? '', choices: ACTIVITY_KINDS.map((k) => ({ title: capitalised(ACTIVITY_KIND_LABELS[k]), value: k })) }],
  ];
  const editing = input.draftId !== undefined;
  const body: CardElement[] = [{ type: 'TextBlock', text: editing ? 'Edit the training' : 'Log a training', size: 'Large', weight: 'Bolder', wrap: true }];
  if (problems.length) body.push({ type: 'TextBlock', text: 'Please fix what is marked below; nothing was logged yet.', color: 'Attention', wrap: true });
  for (const [field, element] of fields) {
    const error = message(field);
    body.push({ ...element, label: FIELD_LABELS[field], errorMessage: error ?? REQUIRED_MESSAGES[field] });
    if (error) body.push({ type: 'TextBlock', text: error, color: 'Attention', size: 'Small', wrap: true, spacing: 'None' });
  }
  // As in Slack's modal: the question is always there when editing; the core reads it only for the kinds that need registration.
  if (editing) body.push({ type: 'Input.Toggle', id: 'registered', title: REGISTERED_TITLE, valueOn: 'true', valueOff: 'false', value: values.registered ? 'true' : 'false' });
  const data = { action: LOG_FORM_SUBMIT, ids: editing ? { draftId: input.draftId } : {}, tenant: context.tenantId, nonce: context.newNonce() };
  // A new training is previewed first; an edited preview is logged when the form is submitted (as Slack's Edit modal does).
  const submit: CardElement = { type: 'Action.Execute', title: editing ? 'Log it' : 'Preview', verb: `${VERB_PREFIX}${LOG_FORM_SUBMIT}`, data, associatedInputs: 'auto', style: 'positive' };
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body, actions: [submit] };
}

const REGISTERED_TITLE = 'I registered for this call through MLN (National Provider Calls need it)';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
