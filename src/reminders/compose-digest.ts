import { DateTime } from 'luxon';
import { localDate } from '../domain/dates.ts';
import { effectiveRole, type Actor } from '../domain/people.ts';
import { unknownDeliveries } from '../db/repositories/compliance-snapshots.ts';
import { findPerson } from '../db/repositories/people.ts';
import { findOrganisationZone } from '../db/repositories/lookup.ts';
import { snoozesFrom } from '../db/repositories/reminder-snoozes.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { buildComplianceReport, REPORT_PAGE_SIZE } from '../use-cases/report/compliance-report.ts';
import type { ReminderMessage } from './messages.ts';
import { recentWeeks } from './snapshots.ts';

/** How many unknown deliveries the admins' note lists. */
export const UNKNOWN_LISTED = 20;

/**
 * A manager's weekly digest: their report (their teams, when limited), the first page of people
 * with a gap marked when snoozed, and the organisation's last 12 weeks. Null when the person is
 * gone or no longer a manager or admin: the digest stops with the role.
 */
export async function composeManagerDigest(deps: CoreDeps, organisationId: string, managerPersonId: string, now: DateTime): Promise<Extract<ReminderMessage, { kind: 'manager-digest' }> | null> {
  const clocked: CoreDeps = { ...deps, clock: { now: () => now } };
  const person = await findPerson(deps.db, organisationId, managerPersonId);
  if (!person?.active || effectiveRole(person) === 'scribe') return null;
  const zone = person.timeZone ?? (await findOrganisationZone(deps.db, organisationId));
  const actor: Actor = { organisationId, personId: person.id, displayName: person.displayName, role: effectiveRole(person), timeZone: zone, source: 'scheduler' };
  const today = localDate(now, zone);
  const report = await buildComplianceReport(clocked, actor, {});
  const shown = report.rows.slice(0, REPORT_PAGE_SIZE);
  const [snoozes, weeks] = await Promise.all([snoozesFrom(deps.db, organisationId, today, shown.map((r) => r.personId)), recentWeeks(clocked, organisationId, today)]);
  return { kind: 'manager-digest', asOf: today, counts: report.counts, limitedTo: report.limitedTo, rows: shown.map((r) => ({ ...r, snoozedUntil: snoozes.get(r.personId) ?? null })), listed: report.rows.length, weeks };
}

const WHAT: Readonly<Record<string, 'dm' | 'channel-digest' | 'manager-digest'>> = { dm: 'dm', 'channel-digest': 'channel-digest', 'manager-digest': 'manager-digest' };

/** The admins' weekly note: posts that may or may not have gone out (`since`: those that became unknown from then on). Null when there are none. */
export async function composeDeliveriesUnknown(deps: CoreDeps, organisationId: string, since: DateTime | null = null): Promise<Extract<ReminderMessage, { kind: 'deliveries-unknown' }> | null> {
  const zone = await findOrganisationZone(deps.db, organisationId);
  const rows = await unknownDeliveries(deps.db, organisationId, UNKNOWN_LISTED, since?.toJSDate() ?? null);
  if (rows.length === 0) return null;
  return { kind: 'deliveries-unknown', deliveries: rows.map((r) => ({ target: r.target, what: WHAT[r.kind] ?? 'dm', dueAt: DateTime.fromJSDate(r.dueAt, { zone }).toISO() ?? '', error: r.error })) };
}
