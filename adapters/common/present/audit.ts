import type { AuditCounts, AuditHead, AuditItemView, AuditPersonView, Reply } from '../../../src/index.ts';
import { formatDate, plural } from '../format.ts';
import { list, note, paragraph, rich, sentences, strong, type Action, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd } from '../wording.ts';
import { auditAttachHint, auditReadyHint } from './surface-words.ts';

/** An audit's replies: started, status, reminders sent, closed; and what a sampled person receives. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

function scopeWords(head: AuditHead): string {
  const team = head.filters.team ? `team ${head.filters.team}` : 'the whole organisation';
  return head.filters.expiringBefore ? `${team}, certificates expiring before ${formatDate(head.filters.expiringBefore)}` : team;
}

function headLine(head: AuditHead): Rich {
  return rich(strong(`Audit of ${scopeWords(head)}`), ` — ${head.percent}% sample, started ${formatDate(head.startedOn)} by ${head.startedBy}`);
}

function countsLine(c: AuditCounts): Rich {
  return rich(`${c.peopleAnswered} of ${plural(c.people, 'person', 'people')} answered · ${c.answered} of ${plural(c.items, 'entry', 'entries')} documented · ${c.outstanding} outstanding`, c.waived ? ` · ${c.waived} waived` : null);
}

const itemWords = (i: AuditItemView): Rich => rich(`#${i.seq} `, strong(i.title), ` (${formatDate(i.completedOn)})`);

function personItem(p: AuditPersonView): Rich {
  if (p.items.length === 0) return rich(strong(p.displayName), ' — no entries in the current cycle to document');
  if (p.outstanding === 0) return rich(strong(p.displayName), ` — everything documented (${plural(p.items.length, 'entry', 'entries')})`);
  const waiting = p.items.filter((i) => i.status === 'requested').flatMap((i, n) => [n ? ', ' : '', `#${i.seq}`]);
  return rich(strong(p.displayName), ` — ${p.outstanding} of ${p.items.length} outstanding: `, waiting);
}

function seedNote(head: AuditHead): Rich {
  return rich(`Seed ${head.seed}: the same seed and the same people draw the same sample. `, `${plural(head.candidates, 'person', 'people')} qualified.`);
}

export function presentAuditStarted(reply: Of<'audit-started'>, context: PresentContext): Presentation {
  const asked = reply.notices.length;
  return {
    tone: 'info',
    heading: null,
    body: [
      paragraph(headLine(reply.audit), countsLine(reply.counts)),
      list(`Sampled (${reply.people.length})`, reply.people.map(personItem)),
      paragraph(rich(asked ? `I've asked ${plural(asked, 'person', 'people')} privately for their certificates.` : 'Everyone sampled has their documentation on file already.')),
      note(rich(seedNote(reply.audit), ' Next: ', cmd('audit status', context), ' · ', cmd('audit remind', context), ' · ', cmd('audit close passed', context))),
    ],
    actions: [],
    typed: null,
  };
}

export function presentAuditStatus(reply: Of<'audit-status'>, context: PresentContext): Presentation {
  return {
    tone: reply.counts.outstanding > 0 ? 'warning' : 'ok',
    heading: null,
    body: [paragraph(headLine(reply.audit), countsLine(reply.counts)), list('People, outstanding first', reply.people.map(personItem)), note(rich(cmd('audit remind', context), ' nudges those who have not answered · ', cmd('audit close passed', context), ' or ', cmd('audit close failed note "…"', context)))],
    actions: [],
    typed: null,
  };
}

export function presentAuditReminded(reply: Of<'audit-reminded'>): Presentation {
  if (reply.reminded.length === 0) return sentences('ok', rich('Nobody to remind: every sampled person has answered.'));
  return {
    tone: 'info',
    heading: null,
    body: [paragraph(rich(`Reminded ${plural(reply.reminded.length, 'person', 'people')} privately:`)), list(null, reply.reminded.map((r) => rich(strong(r.displayName), ` — ${r.outstanding} outstanding`)))],
    actions: [],
    typed: null,
  };
}

const OUTCOME_WORDS = { passed: 'passed', failed: 'failed' } as const;

export function presentAuditClosed(reply: Of<'audit-closed'>): Presentation {
  const outcome = reply.outcome ? `: ${OUTCOME_WORDS[reply.outcome]}` : ' without an outcome';
  return {
    tone: reply.outcome === 'failed' ? 'warning' : 'ok',
    heading: null,
    body: [paragraph(rich(`Closed the audit of ${scopeWords(reply.audit)}${outcome}.`), countsLine(reply.counts)), ...(reply.note ? [note(rich('Note: ', reply.note))] : [])],
    actions: [],
    typed: null,
  };
}

/** The sampled person's DM: which entries need their certificate, and how to send each. */
export function presentAuditRequest(reply: Of<'audit-request'>, context: PresentContext): Presentation {
  const opening = reply.reminder ? 'A reminder: the audit still needs' : `${reply.auditor} is auditing CE records, and needs`;
  const actions: Action[] = reply.items.map((i, n) => ({ id: { kind: 'audit-attach', itemId: i.itemId }, label: `Attach certificate #${i.seq}`, primary: n === 0 }));
  return {
    tone: 'warning',
    heading: null,
    body: [
      paragraph(rich(`${opening} your MLN certificate or contact-hour documentation for ${plural(reply.items.length, 'entry', 'entries')}:`)),
      list(null, reply.items.map(itemWords)),
      note(auditAttachHint(reply.items.map((i) => i.seq), context)),
    ],
    actions,
    typed: null,
  };
}

export function presentAuditAttachReady(reply: Of<'audit-attach-ready'>, context: PresentContext): Presentation {
  return sentences('info', rich('Ready for the certificate of ', itemWords(reply.item), '.'), auditReadyHint(reply.item.seq, context));
}
