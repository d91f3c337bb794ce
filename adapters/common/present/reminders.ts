import type { ReminderMessage, ReportRow } from '../../../src/index.ts';
import { countsLine, shortReason, STATE_LABELS } from '../compliance-phrases.ts';
import { plural } from '../format.ts';
import { list, paragraph, rich, strong, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd } from '../wording.ts';

/**
 * The scheduler's messages, minimally worded (the reminders' wording is its own task and replaces
 * these sentences; the engine needs only one presentation per message kind).
 */
export function presentReminder(message: ReminderMessage, context: PresentContext): Presentation {
  switch (message.kind) {
    case 'reminder-dm':
      return { tone: 'warning', heading: null, body: [paragraph(rich(strong('Reminder: '), rowLine(message.row)), rich('Log a training with ', cmd('log', context), ' or see ', cmd('status', context), '.'))], actions: [], typed: null };
    case 'reminder-digest': {
      const head = rich(strong(`Reminders for ${message.channelName} (${message.asOf})`), ` — ${plural(message.people, 'person has', 'people have')} a gap`);
      const body = message.private ? [paragraph(head, rich('Each has had a direct message.'))] : [paragraph(head), list(null, message.rows.map(rowLine))];
      return { tone: 'warning', heading: null, body, actions: [], typed: null };
    }
    case 'manager-digest':
      return { tone: 'info', heading: null, body: [paragraph(rich(strong(`Weekly compliance (${message.asOf})`)), rich(countsLine(message.counts))), list(null, message.rows.map(rowLine))], actions: [], typed: null };
    case 'deliveries-unknown':
      return { tone: 'warning', heading: null, body: [paragraph(rich(`${plural(message.deliveries.length, 'reminder', 'reminders')} may or may not have gone out (no answer from the platform):`)), list(null, message.deliveries.map((d) => rich(`${d.what} to ${d.target}, due ${d.dueAt}: ${d.error}`)))], actions: [], typed: null };
  }
}

function rowLine(row: ReportRow): Rich {
  const reasons = row.reasons.map(shortReason).join('; ');
  return rich(strong(row.displayName), ` — ${STATE_LABELS[row.state]}`, reasons ? `: ${reasons}` : null);
}
