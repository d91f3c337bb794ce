import { lineRow, rowOf, type ReportLine, type ReportRow } from '../../domain/report.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { lineOf, type StandingLine } from '../../domain/standing-line.ts';
import { storedSummary, type StandingSummary } from '../../domain/standing-summary.ts';
import { findOrganisationZone } from '../../db/repositories/lookup.ts';
import { readStandingLines, readSummaries } from '../../db/repositories/standing-lines.ts';
import { membershipsOf, type Team } from '../../db/repositories/teams.ts';
import type { CoreDeps } from '../deps.ts';
import { recomputeStandings, todayByZone } from './standings.ts';

/** Everyone active in an organisation as report lines (codes only), with what is needed to give a few of them their full reasons. */
export interface OrganisationLines {
  readonly lines: readonly { readonly line: ReportLine; readonly teams: readonly Team[] }[];
  /** Each person's "today" (their zone, else the organisation's). */
  readonly todayOf: ReadonlyMap<string, IsoDate>;
  /** The summaries computed during this read (stale ones): no need to read them back. */
  readonly computed: ReadonlyMap<string, StandingSummary>;
}

/**
 * Every active person's report line from the stored columns — the JSON summaries are not read —
 * with the stale ones computed again from their ledgers (the same rules as a status) and stored.
 */
export async function organisationLines(deps: CoreDeps, organisationId: string): Promise<OrganisationLines> {
  const [stored, teams, orgZone] = await Promise.all([readStandingLines(deps.db, organisationId), membershipsOf(deps.db, organisationId), findOrganisationZone(deps.db, organisationId)]);
  const computed = await recomputeStandings(deps, organisationId, stored.filter((s) => s.line === null));
  const todayIn = todayByZone(deps.clock.now());
  const todayOf = new Map<string, IsoDate>();
  const lines = stored.flatMap((person) => {
    const fresh = computed.get(person.personId);
    const line: StandingLine | null = person.line ?? (fresh ? lineOf(fresh) : null);
    if (!line) return [];
    const today = todayIn(person.timeZone ?? orgZone);
    todayOf.set(person.personId, today);
    const personTeams = teams.get(person.personId) ?? [];
    const who = { personId: person.personId, platformUserId: person.platformUserId, displayName: person.displayName, teams: personTeams.map((t) => t.name) };
    return [{ line: lineRow(who, line, today), teams: personTeams }];
  });
  return { lines, todayOf, computed };
}

/**
 * The full rows (every reason, as the person's status words it) of a few lines — the page shown —
 * from their stored summaries. A summary that moved on since its line was read (or does not parse)
 * is computed again, so a row is never given reasons older than its state.
 */
export async function withReasons(deps: CoreDeps, organisationId: string, read: Pick<OrganisationLines, 'todayOf' | 'computed'>, lines: readonly Pick<ReportLine, 'personId' | 'platformUserId' | 'displayName' | 'teams'>[]): Promise<ReportRow[]> {
  const wanted = lines.filter((l) => !read.computed.has(l.personId)).map((l) => l.personId);
  const stored = await readSummaries(deps.db, organisationId, wanted);
  const summaries = new Map<string, StandingSummary>(read.computed);
  const missing: string[] = [];
  for (const id of wanted) {
    const summary = storedSummary(stored.get(id)?.summary);
    if (summary) summaries.set(id, summary);
    else missing.push(id);
  }
  if (missing.length) {
    const versions = await readStandingLines(deps.db, organisationId);
    const again = await recomputeStandings(deps, organisationId, versions.filter((v) => missing.includes(v.personId)));
    for (const [id, summary] of again) summaries.set(id, summary);
  }
  return lines.flatMap((line) => {
    const summary = summaries.get(line.personId);
    const today = read.todayOf.get(line.personId);
    if (!summary || !today) return [];
    return [rowOf({ personId: line.personId, platformUserId: line.platformUserId, displayName: line.displayName, teams: line.teams }, summary, today)];
  });
}
