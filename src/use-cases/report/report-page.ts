import { byName, type ReportCounts, type ReportFilters, type ReportRow } from '../../domain/report.ts';
import type { Actor } from '../../domain/people.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { StandingSummary } from '../../domain/standing-summary.ts';
import { findOrganisationZone } from '../../db/repositories/lookup.ts';
import { reportPage, type PageCandidate, type PageQuery, type ReportPage } from '../../db/repositories/report-page.ts';
import { teamsOfPeople, teamsWithActiveMembers } from '../../db/repositories/report-teams.ts';
import { activeZones } from '../../db/repositories/report-zones.ts';
import { findTeamByName } from '../../db/repositories/teams.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { allowedReportTeam } from './report-team.ts';
import { withReasons } from './report-lines.ts';
import { snoozesOf, withSnoozeDates } from './report-snoozes.ts';
import { recomputeStandings, todayByZone } from './standings.ts';

/** A page of the report before its people are read in full: the counts and who is on it, in order. */
export interface FoundReportPage {
  readonly counts: ReportCounts;
  readonly filters: ReportFilters;
  readonly limitedTo: readonly string[] | null;
  /** The page's people, most urgent first. */
  readonly people: readonly PageCandidate[];
  readonly listed: number;
  readonly page: number;
  readonly pageCount: number;
  /** Each page person's "today" (their zone, else the organisation's). */
  readonly todayOf: ReadonlyMap<string, IsoDate>;
  /** The standings computed while finding the page (stale ones): not read back. */
  readonly computed: ReadonlyMap<string, StandingSummary>;
}

/**
 * Asking again after computing the stale standings (or reading the zones again) twice at most: a
 * third answer is taken as it is, so a ledger written to without pause cannot hold the report up.
 */
const PAGE_ATTEMPTS = 3;

const NO_ONE: ReportCounts = { compliant: 0, atRisk: 0, outOfCompliance: 0, total: 0 };

/**
 * The report's page `page` (clamped to the pages there are), in two round trips when no standing is
 * stale: the asker's access, the team, the zones and the organisation's zone at once; then one
 * statement that counts, filters, orders and pages on the standings' columns (`reportPage`) and
 * finds any stale standing on the way — those are computed and the page asked for again.
 */
export async function findReportPage(deps: CoreDeps, actor: Actor, filters: ReportFilters, page: number, pageSize: number): Promise<FoundReportPage> {
  const org = actor.organisationId;
  const [access, named, zones, orgZone] = await Promise.all([
    authorize(deps, actor, 'see-report'),
    filters.team ? findTeamByName(deps.db, org, filters.team) : null,
    activeZones(deps.db, org),
    findOrganisationZone(deps.db, org),
  ]);
  const team = await allowedReportTeam(deps, actor, access, filters.team, named);
  const shownFilters = { ...filters, ...(team ? { team: team.name } : {}) };
  const query = { ...filters, everyone: filters.everyone ?? false, managedTeams: access.managedTeams, teamId: team?.id ?? null, page: Math.min(Math.max(1, Math.floor(page) || 1), 2 ** 31 - 1), pageSize };
  const [limitedTo, answer] = await Promise.all([
    access.managedTeams === null ? null : teamsWithActiveMembers(deps.db, org, access.managedTeams),
    freshPage(deps, org, orgZone, zones, query),
  ]);
  const { found, todayOfZone, computed, todayIn } = answer;
  if (!found) return { counts: NO_ONE, filters: shownFilters, limitedTo, people: [], listed: 0, page: 1, pageCount: 1, todayOf: new Map(), computed };
  const start = (found.page - 1) * pageSize - found.before;
  const people = sortCandidates(found.candidates).slice(start, start + pageSize);
  const todayOf = new Map(people.map((p) => [p.personId, todayOfZone.get(p.timeZone ?? '') ?? todayIn(p.timeZone ?? orgZone)]));
  const counts = { compliant: found.counts.compliant, atRisk: found.counts.at_risk, outOfCompliance: found.counts.out_of_compliance, total: found.counts.total };
  return { counts, filters: shownFilters, limitedTo, people, listed: found.listed, page: found.page, pageCount: Math.max(1, Math.ceil(found.listed / pageSize)), todayOf, computed };
}

/**
 * `reportPage` for today in each of `zones`; when it finds stale standings they are computed (and
 * stored) and it is asked again, and when someone is in a zone it was not given the zones are read
 * again. No answer when the organisation has no active people.
 */
async function freshPage(deps: CoreDeps, org: string, orgZone: string, firstZones: readonly string[], query: Omit<PageQuery, 'todayOf'>) {
  const todayIn = todayByZone(deps.clock.now());
  const computed = new Map<string, StandingSummary>();
  let zones = firstZones;
  let found: ReportPage | null = null;
  let todayOfZone = new Map<string, IsoDate>();
  for (let attempt = 1; attempt <= PAGE_ATTEMPTS && zones.length; attempt += 1) {
    if (found?.stale.length) for (const [id, summary] of await recomputeStandings(deps, org, found.stale)) computed.set(id, summary);
    if (found?.unzoned) zones = await activeZones(deps.db, org);
    todayOfZone = new Map(zones.map((zone) => [zone, todayIn(zone || orgZone)]));
    found = await reportPage(deps.db, org, { ...query, todayOf: todayOfZone });
    if (!found.stale.length && !found.unzoned) break;
  }
  return { found, todayOfZone, computed, todayIn };
}

/**
 * The page's people in full, at once: their teams, their reasons (each as their own status words
 * them today, from the stored summaries) and their snoozes.
 */
export async function pageRows(deps: CoreDeps, organisationId: string, found: FoundReportPage): Promise<ReportRow[]> {
  const ids = found.people.map((p) => p.personId);
  const lines = found.people.map((p) => ({ personId: p.personId, platformUserId: p.platformUserId, displayName: p.displayName, teams: [] }));
  const [teams, rows, snoozes] = await Promise.all([
    teamsOfPeople(deps.db, organisationId, ids),
    withReasons(deps, organisationId, { todayOf: found.todayOf, computed: found.computed }, lines),
    snoozesOf(deps, organisationId, ids),
  ]);
  const withTeams = rows.map((row) => ({ ...row, teams: (teams.get(row.personId) ?? []).map((t) => t.name) }));
  return withSnoozeDates(withTeams, snoozes, found.todayOf);
}

/** `byUrgency`'s order: the SQL's key, then names by the same collator (SQL's collation is not the process's). */
function sortCandidates(candidates: readonly PageCandidate[]): PageCandidate[] {
  return [...candidates].sort((a, b) => a.group - b.group || a.daysLeft - b.daysLeft || byName(a, b));
}
