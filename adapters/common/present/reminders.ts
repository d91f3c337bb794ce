import type { DigestRow, ReminderMessage, Reply } from '../../../src/index.ts';
import { countsLine, reasonText, shortReason, STATE_LABELS } from '../compliance-phrases.ts';
import { formatDate, plural, relativeDays } from '../format.ts';
import { list, note, paragraph, rich, sentences, strong, type Action, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd, wording } from '../wording.ts';
import { localInstant } from './reminder-settings.ts';

/** What the scheduler sends (channel digests, DMs, managers' weekly digests, the admins' note), worded once. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;
type Message<K extends ReminderMessage['kind']> = Extract<ReminderMessage, { kind: K }>;

export function presentReminder(message: ReminderMessage, context: PresentContext): Presentation {
  switch (message.kind) {
    case 'reminder-digest':
      return presentChannelDigest(message, context);
    case 'reminder-dm':
      return presentDm(message, context);
    case 'manager-digest':
      return presentManagerDigest(message, context);
    case 'deliveries-unknown':
      return presentUnknown(message, context);
  }
}

/** A person's line, in the manager report's words, with their snooze when they pressed it. */
function rowItem(row: DigestRow, n: number): Rich {
  const reasons = row.reasons.map(shortReason).join('; ');
  return rich(`${n}. `, strong(row.displayName), ` — ${STATE_LABELS[row.state]}`, reasons ? `: ${reasons}` : null, row.snoozedUntil ? ` (snoozed until ${formatDate(row.snoozedUntil)})` : null);
}

function presentChannelDigest(m: Message<'reminder-digest'>, context: PresentContext): Presentation {
  const scope = m.team ? ` in team ${m.team}` : '';
  if (m.private) {
    const gaps = m.people === 1 ? '1 person has a gap' : `${m.people} people have gaps`;
    return sentences('warning', rich(strong('CE reminder'), ` for ${formatDate(m.asOf)}${scope}: ${gaps} — ${m.people === 1 ? 'they have' : 'each has'} had a DM.`));
  }
  return {
    tone: 'warning',
    heading: null,
    body: [
      paragraph(rich(strong('CE reminder'), ` for ${formatDate(m.asOf)}${scope}: ${plural(m.people, 'person has a gap', 'people have gaps')}, most urgent first.`)),
      list(null, m.rows.map((r, i) => rowItem(r, i + 1))),
      note(rich('Details: ', cmd('status @name', context), ' · Settings: ', cmd('remind show', context))),
    ],
    actions: [],
    typed: null,
  };
}

function dmLead(m: Message<'reminder-dm'>): Rich {
  const cert = m.row.certificate;
  if (!cert) return rich(strong('CE reminder:'), ' there is no certificate on file for you.');
  if (cert.daysLeft < 0) return rich(strong('CE reminder:'), ` your certificate ${cert.number} expired on ${formatDate(cert.expiresOn)} (${relativeDays(cert.daysLeft)}).`);
  if (cert.daysLeft === 0) return rich(strong('CE reminder:'), ` your certificate ${cert.number} expires today.`);
  return rich(strong('CE reminder:'), ` your certificate ${cert.number} expires on ${formatDate(cert.expiresOn)}, ${relativeDays(cert.daysLeft)}.`);
}

/** The person's own gap only: what is missing, in their status's words, and what they can do now. */
function presentDm(m: Message<'reminder-dm'>, context: PresentContext): Presentation {
  const actions: Action[] = [
    { id: { kind: 'log-training' }, label: 'Log a training', primary: true },
    { id: { kind: 'see-status' }, label: 'See my status', primary: false },
    { id: { kind: 'snooze', days: m.snoozeDays }, label: `Snooze ${plural(m.snoozeDays, 'day')}`, primary: false },
  ];
  const todo = m.row.reasons.filter((r) => r.code !== 'certificate-expiring').map((r) => wording(reasonText(r), context));
  return {
    tone: m.row.state === 'out_of_compliance' ? 'warning' : 'info',
    heading: null,
    body: [paragraph(dmLead(m)), ...(todo.length ? [list('To do', todo)] : [])],
    actions,
    typed: rich(cmd('log <training>', context), ' to log a training · ', cmd('status', context), ' for your status · ', cmd(`snooze ${m.snoozeDays} days`, context), ' for a break from reminders'),
  };
}

function presentManagerDigest(m: Message<'manager-digest'>, context: PresentContext): Presentation {
  const scope = m.limitedTo ? ` — your teams: ${m.limitedTo.join(', ')}` : '';
  const rows = m.listed === 0 ? paragraph(rich('Nobody has a gap this week.')) : list(`People with a gap, most urgent first (${m.listed})`, m.rows.map((r, i) => rowItem(r, i + 1)));
  const more = m.listed > m.rows.length ? [note(rich(`${m.listed - m.rows.length} more: `, cmd('report', context)))] : [];
  return {
    tone: m.counts.outOfCompliance > 0 ? 'warning' : 'info',
    heading: null,
    body: [paragraph(rich(strong(`Weekly compliance digest, ${formatDate(m.asOf)}${scope}`)), rich(countsLine(m.counts))), rows, ...more, ...(m.weeks.length ? [note(rich(`The chart shows the last ${plural(m.weeks.length, 'week')}: compliant, at risk and out of compliance.`))] : [])],
    actions: [],
    typed: null,
  };
}

const WHAT_WORDS: Readonly<Record<Message<'deliveries-unknown'>['deliveries'][number]['what'], string>> = { dm: 'DM', 'channel-digest': 'Channel digest', 'manager-digest': 'Weekly digest' };

function presentUnknown(m: Message<'deliveries-unknown'>, context: PresentContext): Presentation {
  const items = m.deliveries.map((d) => rich(`${WHAT_WORDS[d.what]} to `, strong(d.target), `, due ${localInstant(d.dueAt)}: ${d.error}`));
  return {
    tone: 'warning',
    heading: null,
    body: [
      paragraph(rich(strong(`${plural(m.deliveries.length, 'reminder')} may or may not have gone out`), ': the platform did not answer after the request was sent. They are not sent again by themselves, so nobody gets one twice.')),
      list(null, items),
      note(rich('Check the conversation; the full list: ', cmd('recert nudges status', { ...context, commandPrefix: '' }))),
    ],
    actions: [],
    typed: null,
  };
}

export function presentSnoozed(reply: Of<'snoozed'>): Presentation {
  return sentences('ok', rich(`Snoozed: no reminders until the end of ${formatDate(reply.until)}. Your managers see that you snoozed.`));
}
