import { byName, type ReportCounts, type ReportFilters, type ReportRow } from '../../domain/report.ts';
import type { Actor } from '../../domain/people.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { findOrganisationZone } from '../../db/repositories/lookup.ts';
import { reportPage, zonesAndStale, type PageCandidate } from '../../db/repositories/report-page.ts';
import { teamsOfPeople, teamsWithActiveMembers } from '../../db/repositories/report-teams.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { reportTeam } from './report-team.ts';
import { withReasons } from './report-lines.ts';
import { recomputeStandings, todayByZone } from './standings.ts';

/** One page of the report, as the chat shows it. */
export interface ReportPageRows {
  readonly counts: ReportCounts;
  readonly filters: ReportFilters;
  readonly limitedTo: readonly string[] | null;
  /** The page's people with their full reasons, most urgent first. */
  readonly rows: readonly ReportRow[];
  readonly listed: number;
  readonly page: number;
  readonly pageCount: number;
  /** Each page person's "today" (their zone, else the organisation's). */
  readonly todayOf: ReadonlyMap<string, IsoDate>;
}

/**
 * The report's page `page` (clamped to the pages there are): the counts, filters, order and paging
 * are done in SQL on the standings' columns (`reportPage`), and only the page's people are read in
 * full and given their reasons by the same rules as their status (`withReasons`). Stale standings
 * are computed again first, as for the whole report.
 */
export async function readReportPage(deps: CoreDeps, actor: Actor, filters: ReportFilters, page: number, pageSize: number): Promise<ReportPageRows> {
  const access = await authorize(deps, actor, 'see-report');
  const team = await reportTeam(deps, actor, access, filters.team);
  const [known, orgZone] = await Promise.all([zonesAndStale(deps.db, actor.organisationId), findOrganisationZone(deps.db, actor.organisationId)]);
  const computed = await recomputeStandings(deps, actor.organisationId, known.stale);
  const todayIn = todayByZone(deps.clock.now());
  const todayOfZone = new Map(known.zones.map((zone) => [zone, todayIn(zone || orgZone)]));
  const shownFilters = { ...filters, ...(team ? { team: team.name } : {}) };
  const limitedTo = access.managedTeams === null ? null : await teamsWithActiveMembers(deps.db, actor.organisationId, access.managedTeams);
  if (!todayOfZone.size) return { counts: { compliant: 0, atRisk: 0, outOfCompliance: 0, total: 0 }, filters: shownFilters, limitedTo, rows: [], listed: 0, page: 1, pageCount: 1, todayOf: new Map() };
  const found = await reportPage(deps.db, actor.organisationId, { ...filters, everyone: filters.everyone ?? false, todayOf: todayOfZone, managedTeams: access.managedTeams, teamId: team?.id ?? null, page: Math.min(Math.max(1, Math.floor(page) || 1), 2 ** 31 - 1), pageSize });
  const start = (found.page - 1) * pageSize - found.before;
  const people = sortCandidates(found.candidates).slice(start, start + pageSize);
  const teams = await teamsOfPeople(deps.db, actor.organisationId, people.map((p) => p.personId));
  const todayOf = new Map(people.map((p) => [p.personId, todayOfZone.get(p.timeZone ?? '') ?? todayIn(p.timeZone ?? orgZone)]));
  const lines = people.map((p) => ({ personId: p.personId, platformUserId: p.platformUserId, displayName: p.displayName, teams: (teams.get(p.personId) ?? []).map((t) => t.name) }));
  const rows = await withReasons(deps, actor.organisationId, { todayOf, computed }, lines);
  const counts = { compliant: found.counts.compliant, atRisk: found.counts.at_risk, outOfCompliance: found.counts.out_of_compliance, total: found.counts.total };
  return { counts, filters: shownFilters, limitedTo, rows, listed: found.listed, page: found.page, pageCount: Math.max(1, Math.ceil(found.listed / pageSize)), todayOf };
}

/** `byUrgency`'s order: the SQL's key, then names by the same collator (SQL's collation is not the process's). */
function sortCandidates(candidates: readonly PageCandidate[]): PageCandidate[] {
  return [...candidates].sort((a, b) => a.group - b.group || a.daysLeft - b.daysLeft || byName(a, b));
}
