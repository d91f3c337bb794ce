import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { countStates, rowOf } from '../domain/report.ts';
import { addDays, localDate, type IsoDate } from '../domain/dates.ts';
import { readSnapshots, saveSnapshot } from '../db/repositories/compliance-snapshots.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { currentStandings } from '../use-cases/report/standings.ts';
import type { WeekCounts } from './messages.ts';

/** Weeks the manager digest's chart shows. */
export const CHART_WEEKS = 12;

/** Monday of the ISO week `date` falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  return d.minus({ days: d.weekday - 1 }).toISODate() ?? date;
}

/**
 * The organisation's counts now (compliant / at risk / out of compliance, each person on their own
 * today, as the report counts them), stored as the week's snapshot: taking it again the same week
 * replaces it. For the engine to schedule (e.g. daily, or before the weekly digests).
 */
export async function takeComplianceSnapshot(deps: CoreDeps, organisationId: string, weekStart: IsoDate): Promise<WeekCounts> {
  const standings = await currentStandings(deps, organisationId);
  const rows = standings.map((s) => rowOf({ personId: s.person.personId, platformUserId: s.person.platformUserId, displayName: s.person.displayName, teams: [] }, s.summary, s.today));
  const counts = countStates(rows);
  const week = { weekStart: mondayOf(weekStart), compliant: counts.compliant, atRisk: counts.atRisk, outOfCompliance: counts.outOfCompliance };
  await saveSnapshot(deps.db, organisationId, week, deps.clock.now().toJSDate());
  return week;
}

/** The last `CHART_WEEKS` weeks up to the one holding `today`, oldest first; weeks without a snapshot are left out. */
export async function recentWeeks(deps: CoreDeps, organisationId: string, today: IsoDate): Promise<WeekCounts[]> {
  const last = mondayOf(today);
  return readSnapshots(deps.db, organisationId, addDays(last, -7 * (CHART_WEEKS - 1)), last);
}

/**
 * Every organisation with active people: its snapshot of the week holding `now` (Monday in its
 * zone). For the daily job; the week's row is replaced each day, so the chart shows each week's
 * last state. Returns how many organisations.
 */
export async function takeAllSnapshots(deps: CoreDeps, now: DateTime): Promise<number> {
  const orgs = await sql<{ id: string; time_zone: string }>`
    select o.id, o.time_zone from organisations o where exists (select 1 from people p where p.organisation_id = o.id and p.active)`.execute(deps.db);
  const clocked: CoreDeps = { ...deps, clock: { now: () => now } };
  for (const org of orgs.rows) await takeComplianceSnapshot(clocked, org.id, localDate(now, org.time_zone));
  return orgs.rows.length;
}
