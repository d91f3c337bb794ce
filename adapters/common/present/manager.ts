import type { Reply, Role } from '../../../src/index.ts';
import { countsLine, shortReason, STATE_LABELS } from '../compliance-phrases.ts';
import { formatDate, plural } from '../format.ts';
import { list, note, paragraph, rich, sentences, strong, type Action, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd } from '../wording.ts';

/** The replies of people who keep the roster: the report, roles, teams. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

const ROLE_WORDS: Readonly<Record<Role, string>> = { admin: 'an admin', manager: 'a manager', scribe: 'a scribe' };

function scopeOf(reply: Of<'compliance-report'>): string {
  if (reply.filters.team) return ` — team ${reply.filters.team}`;
  return reply.limitedTo ? ` — your teams: ${reply.limitedTo.join(', ')}` : '';
}

function listTitle(reply: Of<'compliance-report'>): string {
  const f = reply.filters;
  const parts = [f.expiringWithinDays !== undefined ? `expiring within ${f.expiringWithinDays} days` : null, f.expiringBy ? `expiring by ${f.expiringBy}` : null, f.missingProof ? 'entries without proof' : null, f.unpaid ? 'fee unpaid' : null].filter(Boolean);
  const base = parts.length ? `People with ${parts.join(', ')}` : 'People with a gap, most urgent first';
  return reply.pageCount > 1 ? `${base} (${reply.listed}; page ${reply.page} of ${reply.pageCount})` : `${base} (${reply.listed})`;
}

function rowItem(row: Of<'compliance-report'>['rows'][number], n: number): Rich {
  const reasons = row.reasons.map(shortReason).join('; ');
  return rich(`${n}. `, strong(row.displayName), ` — ${STATE_LABELS[row.state]}`, reasons ? `: ${reasons}` : null, row.snoozedUntil ? ` (snoozed until ${formatDate(row.snoozedUntil)})` : null);
}

function reportActions(reply: Of<'compliance-report'>): Action[] {
  const details: Action[] = reply.rows.map((row) => ({ id: { kind: 'person-details', personId: row.personId }, label: `Details: ${row.displayName}`, primary: false }));
  const pages: Action[] = [
    ...(reply.page > 1 ? [{ id: { kind: 'report-page' as const, page: reply.page - 1, direction: 'previous' as const, filters: reply.filters }, label: 'Previous', primary: false }] : []),
    ...(reply.page < reply.pageCount ? [{ id: { kind: 'report-page' as const, page: reply.page + 1, direction: 'next' as const, filters: reply.filters }, label: 'Next', primary: false }] : []),
  ];
  return [...details, ...pages];
}

/** "Who is out of compliance?": the summary always first, then the people, each with their reasons. */
export function presentReport(reply: Of<'compliance-report'>, context: PresentContext): Presentation {
  const summary = paragraph(rich(strong(`Compliance${scopeOf(reply)}`)), rich(countsLine(reply.counts)));
  const empty = reply.counts.total === 0 ? rich('Nobody is on the roster yet: ', cmd('roster add @name', context), '.') : rich('Nobody matches: everyone listed is fine on that count.');
  const rows = reply.listed === 0 ? paragraph(empty) : list(listTitle(reply), reply.rows.map((r, i) => rowItem(r, reply.offset + i + 1)));
  const more = reply.page < reply.pageCount ? cmd(`report page ${reply.page + 1}`, context) : null;
  return {
    tone: reply.counts.outOfCompliance > 0 ? 'warning' : 'info',
    heading: null,
    body: [summary, rows, ...(reply.listed ? [note(rich('Details: ', cmd('status @name', context), more ? [' · More: ', more] : null))] : [])],
    actions: reportActions(reply),
    typed: null,
  };
}

export function presentRoleChanged(reply: Of<'role-changed'>): Presentation {
  const scope = reply.role === 'manager' ? (reply.teams.length ? ` of ${reply.teams.join(', ')}` : ' of the whole organisation') : '';
  const lines = [rich(strong(reply.person), ` is now ${ROLE_WORDS[reply.role]}${scope} (was ${ROLE_WORDS[reply.previous]}).`)];
  if (reply.platformAdmin && reply.role !== 'admin') lines.push(rich(reply.person, ' administers the workspace, so stays an admin here whatever this role says.'));
  return sentences('ok', ...lines);
}

export function presentRoles(reply: Of<'roles'>, context: PresentContext): Presentation {
  const items = reply.people.map((p) => rich(strong(p.displayName), `: ${p.role}`, p.role === 'manager' ? (p.managerOf.length ? ` of ${p.managerOf.join(', ')}` : ' (whole organisation)') : null, p.platformAdmin ? ' (workspace admin)' : null));
  return { tone: 'info', heading: null, body: [list('Roles', items), paragraph(rich(`${plural(reply.scribes, 'scribe')}.`)), note(rich(cmd('role @name manager', context), ' · ', cmd('role @name scribe', context)))], actions: [], typed: null };
}

export function presentTeamChanged(reply: Of<'team-changed'>): Presentation {
  const verb = reply.op === 'add' ? 'Added to' : 'Removed from';
  const head = reply.changed.length ? rich(`${verb} `, strong(reply.team), `: ${reply.changed.join(', ')}.`) : rich('No change to ', strong(reply.team), '.');
  const already = reply.unchanged.length ? [rich(`${reply.unchanged.join(', ')} ${reply.op === 'add' ? 'already in it' : 'not in it'}.`)] : [];
  return sentences(reply.changed.length ? 'ok' : 'info', head, ...already);
}

export function presentTeams(reply: Of<'teams'>, context: PresentContext): Presentation {
  if (reply.teams.length === 0) return sentences('info', rich('No teams yet: ', cmd('team <name> add @person', context), '.'));
  return { tone: 'info', heading: null, body: [list('Teams', reply.teams.map((t) => rich(strong(t.name), `: ${plural(t.members, 'person', 'people')}`)))], actions: [], typed: null };
}
