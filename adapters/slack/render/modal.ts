import type { InputBlock, InputBlockElement, KnownBlock, ModalView, PlainTextElement, PlainTextOption } from '@slack/types';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, CMSS_RULES, formatCredit, type ActivityKind } from '../../../src/index.ts';
import { VIEWS } from '../ids.ts';
import { fitBlocks, LIMITS, truncate } from './limits.ts';

import { LOG_ACTION_ID, LOG_BLOCKS, TITLE_MAX } from './modal-ids.ts';

export { LOG_ACTION_ID, LOG_BLOCKS } from './modal-ids.ts';
export { modalErrors, readLogTrainingSubmission, UNREADABLE_FIELD, type LogTrainingSubmission, type SubmissionProblem } from './modal-submission.ts';

const MAX_MINUTES = 1440;

export interface LogTrainingModalInput {
  readonly privateMetadata: string;
  /** yyyy-MM-dd in the person's zone: the date picker starts there. */
  /** Today in the person's zone; null when the zone is not known yet (the picker then starts empty). */
  readonly today: string | null;
  readonly prefill?: { title?: string; completedOn?: string; minutes?: number; kind?: ActivityKind; registered?: boolean };
}

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text, emoji: true });
const kindOption = (kind: ActivityKind): PlainTextOption => {
  const label = ACTIVITY_KIND_LABELS[kind];
  return { text: plain(`${label.charAt(0).toUpperCase()}${label.slice(1)}`), value: kind };
};

function input(blockId: string, label: string, element: InputBlockElement, extra: Pick<InputBlock, 'hint' | 'optional'> = {}): InputBlock {
  return { type: 'input', block_id: blockId, label: plain(label), element, ...extra };
}

/** The credit table in words, from the rules (so the hint cannot drift from what the core awards). */
export function creditTableHint(): string {
  const rows = CMSS_RULES.creditTable.map((b, i) => `${i === 0 ? 'up to' : `over ${b.overMinutes} up to`} ${b.upToMinutes} min → ${formatCredit(b.credit)}`);
  const max = CMSS_RULES.creditTable.at(-1)?.upToMinutes ?? 0;
  return `${CMSS_RULES.issuer} credit: ${rows.join(', ')} CE. 0 min or over ${max} min goes to manual review.`;
}

/** Slack refuses a view whose initial values break the element's own limits, so only valid prefills are used. */
function validMinutes(minutes: number | undefined): string | undefined {
  return minutes !== undefined && Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_MINUTES ? String(minutes) : undefined;
}

function validDate(date: string | undefined): string | undefined {
  return date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

const REGISTERED_OPTION = { text: plain('I registered for this call through MLN (National Provider Calls need it)'), value: 'yes' };

function logBlocks({ today, prefill = {} }: LogTrainingModalInput): KnownBlock[] {
  const title = prefill.title?.trim() ? truncate(prefill.title.trim(), TITLE_MAX) : undefined;
  const minutes = validMinutes(prefill.minutes);
  const kind = kindOption(prefill.kind ?? 'wbt');
  return [
    input(LOG_BLOCKS.title, 'Title', { type: 'plain_text_input', action_id: LOG_ACTION_ID, max_length: TITLE_MAX, ...(title ? { initial_value: title } : {}) }, { hint: plain('As it appears on the certificate or in the MLN catalogue.') }),
    input(LOG_BLOCKS.completedOn, 'Completed on', { type: 'datepicker', action_id: LOG_ACTION_ID, ...optionalDate(validDate(prefill.completedOn) ?? today) }),
    input(
      LOG_BLOCKS.minutes,
      'Length (minutes)',
      { type: 'number_input', action_id: LOG_ACTION_ID, is_decimal_allowed: false, min_value: '0', max_value: String(MAX_MINUTES), ...(minutes ? { initial_value: minutes } : {}) },
      { hint: plain(creditTableHint()) },
    ),
    input(LOG_BLOCKS.kind, 'Kind of activity', { type: 'static_select', action_id: LOG_ACTION_ID, options: ACTIVITY_KINDS.map(kindOption), initial_option: kind }),
    input(
      LOG_BLOCKS.registered,
      'MLN registration',
      { type: 'checkboxes', action_id: LOG_ACTION_ID, options: [REGISTERED_OPTION], ...(prefill.registered ? { initial_options: [REGISTERED_OPTION] } : {}) },
      { optional: true },
    ),
    input(LOG_BLOCKS.certificate, 'Certificate', { type: 'file_input', action_id: LOG_ACTION_ID, filetypes: ['pdf', 'png', 'jpg', 'jpeg'], max_files: 1 }, { optional: true, hint: plain('PDF, PNG or JPEG. You can also share it in the entry\'s thread later.') }),
  ];
}

/** "Log a training": one form that is its own confirmation (the core logs it at once). */
export function logTrainingModal(modal: LogTrainingModalInput): ModalView {
  // Cutting private_metadata would corrupt it; it is ours (a small JSON), so an oversized one is a bug.
  if (modal.privateMetadata.length > LIMITS.privateMetadata) throw new Error(`private_metadata is over ${LIMITS.privateMetadata} characters`);
  return {
    type: 'modal',
    callback_id: VIEWS.logTraining,
    title: plain('Log a training'),
    submit: plain('Log it'),
    close: plain('Cancel'),
    private_metadata: modal.privateMetadata,
    blocks: fitBlocks(logBlocks(modal), LIMITS.viewBlocks),
  };
}

/** Slack rejects an empty initial_date, so leave it out rather than guess a day in the wrong zone. */
function optionalDate(date: string | null | undefined): { initial_date?: string } {
  return date ? { initial_date: date } : {};
}
