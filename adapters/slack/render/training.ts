import type { KnownBlock } from '@slack/types';
import type { DraftPreview, Reply, TrainingView } from '../../../src/index.ts';
import { warningText } from '../../common/compliance-phrases.ts';
import { formatCe, formatDate, kindLabel, plural } from '../../common/format.ts';
import { ACTIONS } from '../ids.ts';
import { actions, button, context, fields, section, type SlackMessage } from './blocks.ts';
import { commonText, escapeMrkdwn } from './escape.ts';
import { creditLine, progressLine } from './phrases.ts';

type Preview = Extract<Reply, { kind: 'training-preview' }>;
type Question = Extract<Reply, { kind: 'question' }>;
type Logged = Extract<Reply, { kind: 'training-logged' }>;

function previewCredit(preview: DraftPreview): string {
  const award = preview.award;
  return award.kind === 'awarded' ? `${formatCe(award.credit)} · ${award.indexNumber}` : 'Needs manual review — no automatic credit';
}

function previewFields(p: DraftPreview): KnownBlock {
  return fields(
    `*Kind*\n${kindLabel(p.kind)}${p.kindStated ? '' : ' (not stated)'}`,
    `*Date*\n${formatDate(p.completedOn)}${p.dateStated ? '' : ' (today)'}`,
    `*Length*\n${plural(p.minutes, 'minute')} (from "${escapeMrkdwn(p.durationText)}")`,
    `*Credit*\n${previewCredit(p)}`,
  );
}

/** Calls need an explicit answer about MLN registration, so they get two confirm buttons instead of one. */
function previewActions(draftId: string, asksRegistration: boolean): KnownBlock[] {
  const rest = [button('Edit', ACTIONS.edit, draftId), button('Cancel', ACTIONS.cancel, draftId)];
  if (!asksRegistration) return [actions(button('Confirm', ACTIONS.confirm, draftId, 'primary'), ...rest)];
  return [
    section('National Provider Calls earn credit only when you registered for the call through MLN. Did you?'),
    actions(button('Confirm — I registered', ACTIONS.confirm, draftId, 'primary'), button('Not registered', ACTIONS.confirmUnregistered, draftId), ...rest),
  ];
}

export function renderPreview({ draftId, preview: p }: Preview): SlackMessage {
  const title = escapeMrkdwn(p.title);
  return {
    text: `Preview: ${title} — ${previewCredit(p)}. Confirm to log it.`,
    blocks: [
      section(`Here is what I understood:\n*${title}*`),
      previewFields(p),
      context(`How: ${escapeMrkdwn(p.durationHow)}; ${escapeMrkdwn(p.award.explanation)}`),
      ...p.warnings.map((w) => context(`:warning: ${commonText(warningText(w))}`)),
      ...previewActions(draftId, p.asksRegistration),
    ],
  };
}

function questionText({ ask, title, candidates }: Question): string {
  if (ask === 'title') return 'What was the training called? Answer in this thread with its title (for MLN courses, as it appears in the catalogue).';
  const about = title ? `*${escapeMrkdwn(title)}*` : 'it';
  if (candidates.length > 1) {
    const listed = candidates.map((c) => `"${escapeMrkdwn(c.text)}" (${c.minutes} min)`).join(' or ');
    return `I found more than one length in that message: ${listed}. One training has one length — how many minutes was ${about}? Answer in this thread.`;
  }
  return `How long was ${about}? Answer in this thread with the length, like "45 min" or "1.5 hours" (or just "45").`;
}

export function renderQuestion(reply: Question): SlackMessage {
  const text = questionText(reply);
  return { text, blocks: [section(text), actions(button('Cancel', ACTIONS.cancel, reply.draftId))] };
}

function loggedHead(training: TrainingView, alreadyLogged: boolean): string {
  const title = escapeMrkdwn(training.title);
  return alreadyLogged ? `Already logged as entry #${training.seq}: *${title}*` : `Logged entry #${training.seq}: *${title}*`;
}

export function renderLogged({ training, progress, alreadyLogged }: Logged): SlackMessage {
  const head = loggedHead(training, alreadyLogged);
  return {
    text: `${head} — ${creditLine(training)}. ${progressLine(progress)}`,
    blocks: [
      section(`${alreadyLogged ? '' : ':white_check_mark: '}${head}\n${creditLine(training)}`),
      context(`How: ${escapeMrkdwn(training.howComputed)}`),
      section(progressLine(progress)),
      context(`:paperclip: Share the certificate file (PDF, PNG or JPEG) in this thread to attach it to entry #${training.seq}.`),
      actions(button('Undo', ACTIONS.undo, training.id)),
    ],
  };
}
