import { countStates, selectRows, sortByUrgency, type ReportCounts, type ReportFilters, type ReportLine, type ReportRow } from '../../domain/report.ts';
import type { Actor } from '../../domain/people.ts';
import type { Reply } from '../../replies.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { reportTeam } from './report-team.ts';
import { recordChange } from '../shared.ts';
import { visibleTo } from '../subjects.ts';
import { organisationLines, withReasons, type OrganisationLines } from './report-lines.ts';
import { findReportPage, pageRows } from './report-page.ts';
import { snoozesOf, withSnoozeDates } from './report-snoozes.ts';
import { checkExpiringWindow, checkPageExists } from './report-bounds.ts';

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

/** A report before its rows' full reasons are read: the counts, and the listed lines in order (codes only). */
interface ReportIndex {
  readonly counts: ReportCounts;
  readonly lines: readonly ReportLine[];
  readonly filters: ReportFilters;
  readonly limitedTo: readonly string[] | null;
  readonly read: OrganisationLines;
}

/**
 * "Who is out of compliance?": everyone the asker may see (a team-limited manager sees their
 * teams), counted by state, and those with a gap — or matching the filters — in order, most urgent
 * first. Read from the standings' columns: the full reasons are not read here.
 */
async function reportIndex(deps: CoreDeps, actor: Actor, filters: ReportFilters): Promise<ReportIndex> {
  const access = await authorize(deps, actor, 'see-report');
  const team = await reportTeam(deps, actor, access, filters.team);
  const read = await organisationLines(deps, actor.organisationId);
  const inScope = read.lines.filter((s) => visibleTo(access, { id: s.line.personId, teamIds: s.teams.map((t) => t.id) }) && (!team || s.teams.some((t) => t.id === team.id)));
  const lines = inScope.map((s) => s.line);
  const managed = access.managedTeams;
  const limitedTo = managed === null ? null : read.lines.flatMap((s) => s.teams).filter((t, i, all) => managed.includes(t.id) && all.findIndex((u) => u.id === t.id) === i).map((t) => t.name);
  return { counts: countStates(lines), lines: sortByUrgency(selectRows(lines, filters)), filters: { ...filters, ...(team ? { team: team.name } : {}) }, limitedTo, read };
}

/** The whole report, every listed person with their full reasons (each as their own status says them today). */
export async function buildComplianceReport(deps: CoreDeps, actor: Actor, filters: ReportFilters): Promise<ComplianceReport> {
  checkExpiringWindow(filters);
  const index = await reportIndex(deps, actor, filters);
  const rows = await withSnoozes(deps, actor.organisationId, index.read, await withReasons(deps, actor.organisationId, index.read, index.lines));
  return { counts: index.counts, rows, filters: index.filters, limitedTo: index.limitedTo };
}

/** The report as a chat reply, one page at a time (the summary is on every page): counted, ordered and paged in SQL, only the page's people read in full. */
export async function getComplianceReport(deps: CoreDeps, actor: Actor, filters: ReportFilters, page = 1): Promise<Reply> {
  checkExpiringWindow(filters);
  const found = await findReportPage(deps, actor, filters, page, REPORT_PAGE_SIZE);
  checkPageExists(page, found.pageCount);
  // The page's people are read while the view is audited: one round trip for both.
  const [rows] = await Promise.all([
    pageRows(deps, actor.organisationId, found),
    recordChange(deps.db, deps, actor, { action: 'report.viewed', entity: 'organisation', entityId: actor.organisationId, after: { filters: found.filters, listed: found.listed, page: found.page } }),
  ]);
  return {
    kind: 'compliance-report',
    counts: found.counts,
    filters: found.filters,
    limitedTo: found.limitedTo,
    rows,
    offset: (found.page - 1) * REPORT_PAGE_SIZE,
    listed: found.listed,
    page: found.page,
    pageCount: found.pageCount,
  };
}

/** People's snoozes (a reminder's Snooze), shown to managers while they last: each person's own today decides. */
async function withSnoozes(deps: CoreDeps, organisationId: string, read: Pick<OrganisationLines, 'todayOf'>, rows: readonly ReportRow[]): Promise<ReportRow[]> {
  return withSnoozeDates(rows, await snoozesOf(deps, organisationId, rows.map((r) => r.personId)), read.todayOf);
}
