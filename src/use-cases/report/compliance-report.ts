import { byUrgency, countStates, rowOf, selectRows, type ReportCounts, type ReportFilters, type ReportRow } from '../../domain/report.ts';
import { addDays, localDate } from '../../domain/dates.ts';
import type { Actor } from '../../domain/people.ts';
import { snoozesFrom } from '../../db/repositories/reminder-snoozes.ts';
import { findTeamByName } from '../../db/repositories/teams.ts';
import { RecertError } from '../../errors.ts';
import type { Reply } from '../../replies.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { recordChange } from '../shared.ts';
import { visibleTo } from '../subjects.ts';
import { currentStandings } from './standings.ts';

/** People per page: a chat message's worth on every platform (Slack's 50 blocks, with the summary). */
export const REPORT_PAGE_SIZE = 15;

export interface ComplianceReport {
  readonly counts: ReportCounts;
  /** Everyone listed, most urgent first (all pages). */
  readonly rows: readonly ReportRow[];
  readonly filters: ReportFilters;
  /** The teams the asker is limited to, when they are (null: the whole organisation). */
  readonly limitedTo: readonly string[] | null;
}

/**
 * "Who is out of compliance?": everyone the asker may see (a team-limited manager sees their
 * teams), counted by state, and those with a gap — or matching the filters — listed most urgent
 * first with their reasons. Each person's state is what their own `status` says today.
 */
export async function buildComplianceReport(deps: CoreDeps, actor: Actor, filters: ReportFilters): Promise<ComplianceReport> {
  const access = await authorize(deps, actor, 'see-report');
  const team = filters.team ? await findTeamByName(deps.db, actor.organisationId, filters.team) : null;
  if (filters.team && !team) throw new RecertError('team-not-found', { name: filters.team });
  const standings = await currentStandings(deps, actor.organisationId);
  const inScope = standings.filter((s) => visibleTo(access, { id: s.person.personId, teamIds: s.teams.map((t) => t.id) }) && (!team || s.teams.some((t) => t.id === team.id)));
  const rows = inScope.map((s) => rowOf({ personId: s.person.personId, platformUserId: s.person.platformUserId, displayName: s.person.displayName, teams: s.teams.map((t) => t.name) }, s.summary, s.today));
  const listed = selectRows(rows, filters).sort(byUrgency);
  const snoozes = await snoozesFrom(deps.db, actor.organisationId, addDays(localDate(deps.clock.now(), 'UTC'), -1), listed.map((r) => r.personId));
  const todays = new Map(inScope.map((s) => [s.person.personId, s.today]));
  const managed = access.managedTeams;
  const limitedTo = managed === null ? null : standings.flatMap((s) => s.teams).filter((t, i, all) => managed.includes(t.id) && all.findIndex((u) => u.id === t.id) === i).map((t) => t.name);
  return { counts: countStates(rows), rows: listed.map((r) => withSnooze(r, snoozes.get(r.personId), todays.get(r.personId))), filters: { ...filters, ...(team ? { team: team.name } : {}) }, limitedTo };
}

/** A person's snooze, shown to managers while it lasts (their own today decides). */
function withSnooze(row: ReportRow, until: string | undefined, today: string | undefined): ReportRow {
  return until !== undefined && today !== undefined && until >= today ? { ...row, snoozedUntil: until } : row;
}

/** The report as a chat reply, one page at a time (the summary is on every page). */
export async function getComplianceReport(deps: CoreDeps, actor: Actor, filters: ReportFilters, page = 1): Promise<Reply> {
  const report = await buildComplianceReport(deps, actor, filters);
  const pageCount = Math.max(1, Math.ceil(report.rows.length / REPORT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  await recordChange(deps.db, deps, actor, { action: 'report.viewed', entity: 'organisation', entityId: actor.organisationId, after: { filters: report.filters, listed: report.rows.length, page: current } });
  return {
    kind: 'compliance-report',
    counts: report.counts,
    filters: report.filters,
    limitedTo: report.limitedTo,
    rows: report.rows.slice((current - 1) * REPORT_PAGE_SIZE, current * REPORT_PAGE_SIZE),
    offset: (current - 1) * REPORT_PAGE_SIZE,
    listed: report.rows.length,
    page: current,
    pageCount,
  };
}
