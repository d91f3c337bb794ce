import type { Reply, UndoneChange } from '../../src/index.ts';
import { errorMessage } from '../common/error-messages.ts';
import { FIELD_LABELS, formatBytes, formatDate, formatMoney } from '../common/format.ts';
import { helpSections } from '../common/help.ts';
import { managerLines } from '../common/manager-lines.ts';
import { renderReport } from './render-report.ts';
import { renderStatus } from './render-status.ts';
import { progressLine, renderHistory, renderLogged, renderPreview, renderQuestion, creditLine } from './render-training.ts';

/** Plain text for the terminal. One reply → one block of lines. */
export function renderReply(reply: Reply): string {
  switch (reply.kind) {
    case 'welcome':
      return `Welcome to Recert, ${reply.displayName}! I keep track of your CE credit for your certification.\nTry: \`cert CMSS-12345 issued 2026-01-15\`, then tell me about a training, e.g.\n  finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday\nType \`help\` for everything I can do.`;
    case 'help':
      return helpSections(reply.topic, '').map((s) => `${s.title}:\n${s.lines.map((l) => `  ${l}`).join('\n')}`).join('\n') + (reply.topic === 'all' ? '\n`as NAME` switches who is speaking; `quit` leaves.' : '');
    case 'not-understood':
      return "Sorry, I didn't understand that. Tell me about a training (title, length, date), or type `help`.";
    case 'training-preview':
      return renderPreview(reply.preview);
    case 'question':
      return renderQuestion(reply.ask, reply.title, reply.candidates);
    case 'training-logged':
      return renderLogged(reply.training, reply.progress, reply.alreadyLogged);
    case 'draft-cancelled':
      return `Dropped${reply.title ? ` "${reply.title}"` : ''}; nothing was logged.`;
    case 'undone':
      return renderUndone(reply.change);
    case 'status':
      return renderStatus(reply.status);
    case 'history':
      return renderHistory(reply.entries, reply.page, reply.pageCount, reply.total);
    case 'training-updated':
      return `Updated entry #${reply.training.seq} (${reply.changed.map((f) => FIELD_LABELS[f]).join(', ')}): ${reply.training.title} — ${creditLine(reply.training)}\n${progressLine(reply.progress)}`;
    case 'training-deleted':
      return `Deleted entry #${reply.training.seq}: ${reply.training.title}. \`undo\` brings it back.\n${progressLine(reply.progress)}`;
    case 'proof-attached':
      return renderProof(reply);
    case 'credential-saved':
      return `${{ created: 'Saved', renewed: 'Renewed', corrected: 'Corrected' }[reply.mode]} your ${reply.credentialCode} certificate ${reply.number}: issued ${formatDate(reply.issuedOn)}, expires ${formatDate(reply.expiresOn)}. This cycle needs ${reply.requiredCredit} CE.`;
    case 'fee-recorded':
      return `Recorded the renewal fee: ${formatMoney(reply.amountCents, reply.currency)} paid ${formatDate(reply.paidOn)} (certificate ${reply.credentialNumber}).`;
    case 'compliance-report':
      return renderReport(reply);
    case 'role-changed':
    case 'roles':
    case 'team-changed':
    case 'teams': {
      const { heading, lines } = managerLines(reply);
      return [heading, ...lines.map((l) => `  ${l}`)].join('\n');
    }
    case 'notify':
      // One terminal plays everyone: a private message to someone else is shown as such.
      return `→ to ${reply.to.displayName}, privately:\n${renderReply(reply.message)}`;
    case 'error':
      return errorMessage(reply.code, reply.details);
  }
}

function renderUndone(change: UndoneChange): string {
  switch (change.action) {
    case 'training.logged':
      return `Undone: entry #${change.training.seq} (${change.training.title}) is no longer logged.`;
    case 'training.deleted':
      return `Undone: entry #${change.training.seq} (${change.training.title}) is back.`;
    case 'training.edited':
      return `Undone: entry #${change.training.seq} is back to ${change.training.title} — ${creditLine(change.training)}.`;
    case 'proof.attached':
      return `Undone: "${change.fileName}" is no longer attached${change.training ? ` to entry #${change.training.seq}` : ''}.`;
    case 'fee.recorded':
      return `Undone: the ${formatMoney(change.amountCents, change.currency)} fee payment is removed.`;
    case 'credential.saved':
      return `Undone: the change to certificate ${change.number} is reverted.`;
  }
}

function renderProof(reply: Extract<Reply, { kind: 'proof-attached' }>): string {
  const { file, training } = reply;
  if (reply.alreadyAttached) return `"${file.name}" is already attached to entry #${training.seq} (${training.title}).`;
  const lines = [`Attached "${file.name}" (${formatBytes(file.sizeBytes)}, ${file.mediaType}) to entry #${training.seq}: ${training.title}.`];
  if (reply.reusedStoredFile) lines.push('  The same file was already stored, so I linked it instead of storing it again.');
  if (reply.alsoAttachedTo.length) lines.push(`  Note: the same file is attached to ${reply.alsoAttachedTo.map((t) => `#${t.seq} ${t.title}`).join(', ')}. A certificate usually belongs to one training.`);
  lines.push(`  SHA-256 ${file.sha256.slice(0, 16)}…`);
  return lines.join('\n');
}
