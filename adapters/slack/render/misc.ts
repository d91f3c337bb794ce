import type { Reply, UndoneChange } from '../../../src/index.ts';
import { errorMessage } from '../../common/error-messages.ts';
import { formatBytes, formatDate, formatMoney, FIELD_LABELS } from '../../common/format.ts';
import { helpSections } from '../../common/help.ts';
import { ACTIONS, COMMAND } from '../ids.ts';
import { actions, button, context, section, type SlackMessage } from './blocks.ts';
import { commonText, escapeMrkdwn } from './escape.ts';
import { cmd, creditLine, progressLine } from './phrases.ts';

/** Short replies that need little more than a sentence or two. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

function plain(text: string, emoji = ''): SlackMessage {
  return { text, blocks: [section(emoji ? `${emoji} ${text}` : text)] };
}

const quoted = (text: string): string => `"${escapeMrkdwn(text)}"`;
const bold = (text: string): string => `*${escapeMrkdwn(text)}*`;

export function renderWelcome(reply: Of<'welcome'>): SlackMessage {
  const start = reply.hasCredential ? 'Tell me about a training' : `Start with your certificate: ${cmd('cert CMSS-12345 issued 2026-01-15')}. Then tell me about a training`;
  const text = `Welcome to Recert, ${escapeMrkdwn(reply.displayName)}! I keep track of your CE credit for your certification.`;
  const example = '_finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday_';
  return {
    text,
    blocks: [section(`:wave: ${text}`), section(`${start}, e.g.\n${example}`), context(`${cmd('help')} shows everything I can do.`)],
  };
}

export function renderHelp(reply: Of<'help'>): SlackMessage {
  const parts = helpSections(reply.topic, `${COMMAND} `);
  const note =
    'Plain messages work too: write to me in a DM, or mention me in a channel. ' +
    "Attach a certificate by sharing the file (PDF, PNG or JPEG) in our conversation or in the entry's thread.";
  return {
    text: `Recert help: ${parts.map((p) => p.title).join(' · ')}`,
    blocks: [...parts.map((p) => section(`*${p.title}*\n${p.lines.map((l) => `• ${escapeMrkdwn(l)}`).join('\n')}`)), context(note)],
  };
}

export function renderNotUnderstood(): SlackMessage {
  return plain(`Sorry, I didn't understand that. Tell me about a training (title, length and date), or type ${cmd('help')}.`);
}

export function renderCancelled(reply: Of<'draft-cancelled'>): SlackMessage {
  return plain(`Dropped${reply.title ? ` ${bold(reply.title)}` : ''}; nothing was logged.`);
}

function undoneText(change: UndoneChange): string {
  switch (change.action) {
    case 'training.logged':
      return `entry #${change.training.seq} (${bold(change.training.title)}) is no longer logged.`;
    case 'training.deleted':
      return `entry #${change.training.seq} (${bold(change.training.title)}) is back.`;
    case 'training.edited':
      return `entry #${change.training.seq} is back to ${bold(change.training.title)} — ${creditLine(change.training)}.`;
    case 'proof.attached':
      return `${quoted(change.fileName)} is no longer attached${change.training ? ` to entry #${change.training.seq}` : ''}.`;
    case 'fee.recorded':
      return `the ${formatMoney(change.amountCents, change.currency)} fee payment is removed.`;
    case 'credential.saved':
      return `the change to certificate ${escapeMrkdwn(change.number)} is reverted.`;
  }
}

export function renderUndone(reply: Of<'undone'>): SlackMessage {
  return plain(`Undone: ${undoneText(reply.change)}`, ':leftwards_arrow_with_hook:');
}

export function renderUpdated({ training, changed, progress }: Of<'training-updated'>): SlackMessage {
  const text = `Updated entry #${training.seq} (${changed.map((f) => FIELD_LABELS[f]).join(', ')}): ${bold(training.title)} — ${creditLine(training)}`;
  return { text, blocks: [section(`:pencil2: ${text}`), context(`How: ${escapeMrkdwn(training.howComputed)}`), section(progressLine(progress)), actions(button('Undo', ACTIONS.undo, training.id))] };
}

export function renderDeleted({ training, progress }: Of<'training-deleted'>): SlackMessage {
  const text = `Deleted entry #${training.seq}: ${bold(training.title)}. ${cmd('undo')} brings it back.`;
  return { text, blocks: [section(`:wastebasket: ${text}`), section(progressLine(progress)), actions(button('Undo', ACTIONS.undo, training.id))] };
}

export function renderProof(reply: Of<'proof-attached'>): SlackMessage {
  const { file, training } = reply;
  if (reply.alreadyAttached) return plain(`${quoted(file.name)} is already attached to entry #${training.seq} (${bold(training.title)}).`);
  const text = `Attached ${quoted(file.name)} (${formatBytes(file.sizeBytes)}, ${escapeMrkdwn(file.mediaType)}) to entry #${training.seq}: ${bold(training.title)}.`;
  const notes = [
    ...(reply.reusedStoredFile ? ['The same file was already stored, so I linked it instead of storing it again.'] : []),
    ...(reply.alsoAttachedTo.length
      ? [`:warning: The same file is also attached to ${reply.alsoAttachedTo.map((t) => `#${t.seq} ${bold(t.title)}`).join(', ')}. A certificate usually belongs to one training.`]
      : []),
    `SHA-256 ${escapeMrkdwn(file.sha256.slice(0, 16))}…`,
  ];
  return { text, blocks: [section(`:paperclip: ${text}`), ...notes.map((n) => context(n))] };
}

const SAVED = { created: 'Saved', renewed: 'Renewed', corrected: 'Corrected' } as const;

export function renderCredential(r: Of<'credential-saved'>): SlackMessage {
  return plain(
    `${SAVED[r.mode]} your ${escapeMrkdwn(r.credentialCode)} certificate ${bold(r.number)}: issued ${formatDate(r.issuedOn)}, expires ${formatDate(r.expiresOn)}. This cycle needs ${r.requiredCredit} CE.`,
    ':white_check_mark:',
  );
}

export function renderFee(r: Of<'fee-recorded'>): SlackMessage {
  return plain(`Recorded the renewal fee: ${formatMoney(r.amountCents, r.currency)} paid ${formatDate(r.paidOn)} (certificate ${escapeMrkdwn(r.credentialNumber)}).`, ':white_check_mark:');
}

export function renderError(r: Of<'error'>): SlackMessage {
  return plain(commonText(errorMessage(r.code, r.details)), ':x:');
}
