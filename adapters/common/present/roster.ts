import type { RejectedValue, Reply, RosterChange, RosterEntry, RosterRowProblem } from '../../../src/index.ts';
import { STATE_LABELS } from '../compliance-phrases.ts';
import { formatDate, formatMoney, plural } from '../format.ts';
import { list, note, paragraph, rich, sentences, strong, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd } from '../wording.ts';

/** The roster: who is on it, what changed, what an import did. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

function entryLine(e: RosterEntry, n: number): Rich {
  const teams = e.teams.length ? ` (${e.teams.join(', ')})` : '';
  if (!e.active) return rich(`${n}. `, strong(e.displayName), `${teams} — removed; records kept`);
  const cert = e.certificate ? `${e.certificate.number}, expires ${formatDate(e.certificate.expiresOn)}` : 'no certificate';
  const role = e.role === 'scribe' ? '' : ` · ${e.role}`;
  return rich(`${n}. `, strong(e.displayName), `${teams}${role} — ${e.state ? STATE_LABELS[e.state] : 'no standing yet'} · ${cert} · fee ${e.feePaid ? 'paid' : 'unpaid'}`);
}

export function presentRoster(reply: Of<'roster'>, context: PresentContext): Presentation {
  if (reply.total === 0) return sentences('info', rich('Nobody is on the roster yet: ', cmd('roster add @name', context), ', or send me a CSV file.'));
  const scope = reply.limitedTo ? ` — your teams: ${reply.limitedTo.join(', ')}` : '';
  const pages = reply.pageCount > 1 ? `; page ${reply.page} of ${reply.pageCount}` : '';
  const title = `Roster${scope} (${plural(reply.total - reply.removed, 'person', 'people')}${reply.removed ? `, ${reply.removed} removed` : ''}${pages})`;
  const more = reply.page < reply.pageCount ? [' · More: ', cmd(`roster page ${reply.page + 1}`, context)] : null;
  return {
    tone: 'info',
    heading: null,
    body: [list(title, reply.people.map((e, i) => entryLine(e, reply.offset + i + 1))), note(rich(cmd('roster set @name cert <number> issued <date>', context), ' · ', cmd('roster remove @name', context), more))],
    actions: [],
    typed: null,
  };
}

function changeLines(change: RosterChange): Rich[] {
  switch (change.what) {
    case 'added': {
      const lines: Rich[] = [];
      if (change.added.length) lines.push(rich('On the roster now: ', strong(change.added.join(', ')), change.teams.length ? ` (in ${change.teams.join(', ')})` : null, '.'));
      if (change.already.length) lines.push(rich(`Already on it: ${change.already.join(', ')}.`));
      return lines;
    }
    case 'removed':
      return [change.already ? rich(strong(change.person), ' was already removed from the roster.') : rich(strong(change.person), ' is off the roster: their records are kept, and they are left out of reports and reminders.')];
    case 'restored':
      return [change.already ? rich(strong(change.person), ' is already on the roster.') : rich(strong(change.person), ' is back on the roster, with their records as they were.')];
    case 'certificate': {
      const verb = change.mode === 'created' ? 'Certificate saved' : change.mode === 'renewed' ? 'Certificate renewed' : 'Certificate corrected';
      return [rich(`${verb} for `, strong(change.person), `: ${change.number}, issued ${formatDate(change.issuedOn)}, expires ${formatDate(change.expiresOn)}.`)];
    }
    case 'fee':
      return [rich('Fee recorded for ', strong(change.person), `: ${formatMoney(change.amountCents, change.currency)} paid ${formatDate(change.paidOn)}.`)];
    case 'team':
      return [change.teams.length ? rich(strong(change.person), ` is in ${change.teams.join(', ')} now`, change.previous.length ? ` (was ${change.previous.join(', ')})` : null, '.') : rich(strong(change.person), ' is in no team now.')];
  }
}

export function presentRosterChanged(reply: Of<'roster-changed'>): Presentation {
  const lines = changeLines(reply.change);
  const changed = !(('already' in reply.change && reply.change.already === true) || (reply.change.what === 'added' && reply.change.added.length === 0));
  return sentences(changed ? 'ok' : 'info', ...lines);
}

const PROBLEMS: Readonly<Record<RosterRowProblem, string>> = {
  required: 'is required',
  'slack-id-invalid': 'is not a Slack user id (like U0123ABCD)',
  'email-invalid': 'is not an e-mail address',
  'date-invalid': 'is not a date (write 2026-02-01)',
  'future-date': 'is in the future',
  'too-old': 'is more than 10 years back',
  'dates-order': 'is not after the issue date (or is more than two cycles later)',
  'number-invalid': 'is not a certificate number (letters, digits, - / .)',
  'number-taken': 'is already held by someone else here (check it; set it with `roster set @person cert … anyway`)',
  'credential-older': 'is an older certificate than the one on file',
  'needs-certificate': 'needs a certificate (number and issue date) first',
  'fee-outside-cycle': 'is outside the certificate cycle',
  'team-invalid': 'is not a team name (1 to 60 characters)',
  'control-character': 'holds a control character',
  'too-long': 'is too long',
  duplicate: 'is the same person as an earlier row',
  ambiguous: 'matches more than one person: add their Slack user id or e-mail',
  'out-of-scope': 'is not in your teams',
  'extra-cell': "is past the header's last column: remove it, or name its column in the header",
};

function rejectedLine(r: RejectedValue): Rich {
  return rich(`Line ${r.line}, ${r.column}: `, r.value ? [strong(r.value), ' '] : null, `${PROBLEMS[r.problem]}.`);
}

/** How many refused values are listed; the rest are counted (a chat message's worth). */
const MAX_LISTED = 25;

/**
 * A roster import's report. In chat the refused values are listed up to a message's worth, with
 * how to send the file again; the command line (`whole`) lists every one and words its own hint.
 */
export function presentRosterImport(reply: Of<'roster-import'>, context: PresentContext, whole = false): Presentation {
  const r = reply.result;
  const file = r.fileName ? ` from ${r.fileName}` : '';
  const counts = `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`;
  const head = r.stored
    ? rich(strong(`Roster imported${file}`), `: ${plural(r.rows, 'row')} — ${counts}`, r.rejectedRows ? `; ${plural(r.rejectedRows, 'row')} skipped` : null, '.')
    : rich(strong(`Nothing imported${file}`), `: ${plural(r.rejectedRows, 'row')} of ${r.rows} ${r.rejectedRows === 1 ? 'has' : 'have'} a problem, so nothing was stored.`);
  const listed = whole ? r.rejected.length : MAX_LISTED;
  const rejected = r.rejected.slice(0, listed).map(rejectedLine);
  const more = r.rejected.length > listed ? [note(rich(`…and ${r.rejected.length - listed} more.`), true)] : [];
  const hint = r.stored || whole ? [] : [note(rich('Fix the rows and send the file again, or import just the good rows: ', cmd('roster import skip-bad', context), '.'))];
  return {
    tone: r.stored ? (r.rejected.length ? 'warning' : 'ok') : 'error',
    heading: null,
    body: [paragraph(head), ...(rejected.length ? [list('Refused', rejected)] : []), ...more, ...hint],
    actions: [],
    typed: null,
  };
}
