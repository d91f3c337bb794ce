import type { Reply, WaitingDraft } from '../../../src/index.ts';
import { formatDate, plural } from '../format.ts';
import { code, list, paragraph, rich, type Action, type Presentation, type PresentContext, type Rich } from '../presentation.ts';

/** Previews still open: which one a yes/no was about, the others still waiting, a reminder. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

function line(d: WaitingDraft): Rich {
  const title = d.title === null ? ['(no title yet)'] : ['"', d.title, '"'];
  const length = d.minutes === null ? 'length not given yet' : plural(d.minutes, 'minute');
  return rich(`${d.number}. `, title, ` — ${length}, ${formatDate(d.completedOn)}`, d.ready ? '' : ' (waiting for your answer)');
}

function lead(reply: Of<'drafts-waiting'>): string {
  const n = reply.drafts.length;
  if (reply.reason === 'which') return `You have ${plural(n, 'preview')} waiting. Which one do you mean?`;
  if (reply.reason === 'reminder') return n === 1 ? 'Before I forget: this preview is still waiting for you.' : `Before I forget: ${n} previews are still waiting for you.`;
  return n === 1 ? 'Still waiting for you:' : `${n} previews are waiting for you:`;
}

export function presentWaiting(reply: Of<'drafts-waiting'>, _context: PresentContext): Presentation {
  const first = reply.drafts[0];
  const word = reply.answer === 'cancel' ? 'no' : 'yes';
  const example = first ? rich('Answer ', code(`${word} ${first.number}`), first.title ? [' or ', code(`${word} to ${first.title}`)] : null, ' to say which.') : null;
  const actions: Action[] = reply.drafts
    .filter((d) => d.ready)
    .map((d) => (reply.answer === 'cancel' ? { id: { kind: 'cancel-draft', draftId: d.draftId }, label: `Drop ${d.number}`, primary: false } : { id: { kind: 'confirm', draftId: d.draftId }, label: `Confirm ${d.number}`, primary: false }));
  return { tone: 'info', heading: null, body: [paragraph(rich(lead(reply))), list(null, reply.drafts.map(line))], actions, typed: example };
}
