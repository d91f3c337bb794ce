import type { Reply, UndoneChange } from '../../../src/index.ts';
import { errorMessage } from '../error-messages.ts';
import { formatBytes, formatDate, formatMoney } from '../format.ts';
import { em, list, note, paragraph, rich, sentences, strong, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd, wording } from '../wording.ts';
import { creditLine } from './entries.ts';
import { questionActions } from './question-actions.ts';

/** Replies that need little more than a sentence or two. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

const EXAMPLE = 'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday';

export function presentWelcome(reply: Of<'welcome'>, context: PresentContext): Presentation {
  const start = reply.hasCredential
    ? rich('Tell me about a training, e.g.')
    : rich('Start with your certificate: ', cmd('cert CMSS-12345 issued 2026-01-15', context), '. Then tell me about a training, e.g.');
  return {
    tone: 'info',
    heading: null,
    body: [
      paragraph(rich('Welcome to Recert, ', reply.displayName, '! I keep track of your CE credit for your certification.')),
      ...(reply.firstAdmin ? [paragraph(rich('Nobody administers Recert here yet, so you are now its ', strong('admin'), ': ', cmd('role @name manager', context), ' gives someone a role, ', cmd('remind here', context), ' sets up reminders.'))] : []),
      paragraph(start),
      list(null, [rich(em(EXAMPLE))]),
      note(rich(cmd('help', context), ' shows everything I can do.')),
    ],
    actions: [],
    typed: null,
  };
}

export function presentGreeting(reply: Of<'greeting'>, context: PresentContext): Presentation {
  return sentences('info', rich(reply.thanks ? "You're welcome, " : 'Hi ', reply.displayName, '! Tell me about a training you did (title, length and date), or ask ', cmd('status', context), ' to see where you stand. ', cmd('help', context), ' lists the rest.'));
}

export function presentNotUnderstood(context: PresentContext): Presentation {
  return sentences('info', rich("Sorry, I didn't understand that. Tell me about a training (title, length and date), or type ", cmd('help', context), '.'));
}

export function presentCancelled(reply: Of<'draft-cancelled'>): Presentation {
  return sentences('info', rich('Dropped', reply.title ? [' "', reply.title, '"'] : null, '; nothing was logged.'));
}

function undoneText(change: UndoneChange): Rich {
  switch (change.action) {
    case 'training.logged':
      return rich(`entry #${change.training.seq} (`, strong(change.training.title), ') is no longer logged.');
    case 'training.deleted':
      return rich(`entry #${change.training.seq} (`, strong(change.training.title), ') is back.');
    case 'training.edited':
      return rich(`entry #${change.training.seq} is back to `, strong(change.training.title), ' — ', creditLine(change.training), '.');
    case 'proof.attached':
      return rich('"', change.fileName, '" is no longer attached', change.training ? ` to entry #${change.training.seq}` : null, '.');
    case 'fee.recorded':
      return rich(`the ${formatMoney(change.amountCents, change.currency)} fee payment is removed.`);
    case 'credential.saved':
      return rich('the change to certificate ', change.number, ' is reverted.');
  }
}

export function presentUndone(reply: Of<'undone'>): Presentation {
  return sentences('ok', rich('Undone: ', undoneText(reply.change)));
}

export function presentProof(reply: Of<'proof-attached'>): Presentation {
  const { file, training } = reply;
  if (reply.alreadyAttached) return sentences('info', rich('"', file.name, `" is already attached to entry #${training.seq} (`, strong(training.title), ').'));
  const head = rich('Attached "', file.name, `" (${formatBytes(file.sizeBytes)}, `, file.mediaType, `) to entry #${training.seq}: `, strong(training.title), '.');
  const others = reply.alsoAttachedTo.flatMap((t, i) => [i ? ', ' : '', `#${t.seq} `, strong(t.title)]);
  const body = [
    paragraph(head),
    ...(reply.reusedStoredFile ? [note(rich('The same file was already stored, so I linked it instead of storing it again.'))] : []),
    ...(others.length ? [note(rich('The same file is also attached to ', others, '. A certificate usually belongs to one training.'), true)] : []),
    ...(reply.audit ? [paragraph(rich(reply.audit.outstanding ? `That answers the audit's request for this entry; ${reply.audit.outstanding} still to send.` : "That answers the audit's request: you have sent everything it asked for. Thank you!"))] : []),
    note(rich('SHA-256 ', file.sha256.slice(0, 16), '…')),
  ];
  return { tone: 'ok', heading: null, body, actions: [], typed: null };
}

const SAVED = { created: 'Saved', renewed: 'Renewed', corrected: 'Corrected' } as const;

export function presentCredential(r: Of<'credential-saved'>): Presentation {
  return sentences(
    'ok',
    rich(`${SAVED[r.mode]} your `, r.credentialCode, ' certificate ', strong(r.number), `: issued ${formatDate(r.issuedOn)}, expires ${formatDate(r.expiresOn)}. This cycle needs ${r.requiredCredit} CE.`),
  );
}

export function presentFee(r: Of<'fee-recorded'>): Presentation {
  return sentences('ok', rich(`Recorded the renewal fee: ${formatMoney(r.amountCents, r.currency)} paid ${formatDate(r.paidOn)} (certificate `, r.credentialNumber, ').'));
}

export function presentError(r: Of<'error'>, context: PresentContext): Presentation {
  // A question asked instead of storing offers its answers as buttons (the words say how to type them).
  return { ...sentences('error', wording(errorMessage(r.code, r.details), context)), actions: questionActions(r.code, r.details) };
}
