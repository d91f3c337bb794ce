import { standingOn } from '../../domain/compliance.ts';
import type { Actor } from '../../domain/people.ts';
import { effectiveRole } from '../../domain/people.ts';
import type { RosterEntry } from '../../domain/roster.ts';
import { listPeople } from '../../db/repositories/roster.ts';
import { membershipsOf } from '../../db/repositories/teams.ts';
import type { Reply } from '../../replies.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { checkPageExists } from '../report/report-bounds.ts';
import { currentStandings } from '../report/standings.ts';
import { visibleTo } from '../subjects.ts';

/** People per page: with their one line each, well inside a chat message (Slack's 50 blocks). */
export const ROSTER_PAGE_SIZE = 25;

/**
 * Everyone on the roster the asker looks after (a team-limited manager: their teams' members), with
 * today's state by the same rules as each person's own status; people removed are listed last.
 */
export async function rosterEntries(deps: CoreDeps, actor: Actor): Promise<{ entries: RosterEntry[]; limitedTo: string[] | null }> {
  const access = await authorize(deps, actor, 'see-report', undefined, 'roster');
  const [people, memberships, standings] = await Promise.all([listPeople(deps.db, actor.organisationId, { activeOnly: false }), membershipsOf(deps.db, actor.organisationId), currentStandings(deps, actor.organisationId)]);
  const byPerson = new Map(standings.map((s) => [s.person.personId, s]));
  const entries = people.flatMap((p): RosterEntry[] => {
    const teams = memberships.get(p.id) ?? [];
    if (!visibleTo(access, { id: p.id, teamIds: teams.map((t) => t.id) })) return [];
    const standing = p.active ? byPerson.get(p.id) : undefined;
    const state = standing ? standingOn(standing.summary, standing.today).state : null;
    const cert = standing?.summary.certificate ?? null;
    return [{ personId: p.id, displayName: p.displayName, platformUserId: p.platformUserId, email: p.email, role: effectiveRole(p), teams: teams.map((t) => t.name), active: p.active, state, certificate: cert && { number: cert.number, issuedOn: cert.issuedOn, expiresOn: cert.expiresOn }, feePaid: standing?.summary.fee.paid ?? false }];
  });
  const managed = access.managedTeams;
  const limitedTo = managed === null ? null : [...new Set([...memberships.values()].flat().filter((t) => managed.includes(t.id)).map((t) => t.name))];
  return { entries: [...entries.filter((e) => e.active), ...entries.filter((e) => !e.active)], limitedTo };
}

/** `roster [page N]`: one page of the roster. */
export async function listRoster(deps: CoreDeps, actor: Actor, page = 1): Promise<Reply> {
  const { entries, limitedTo } = await rosterEntries(deps, actor);
  const pageCount = Math.max(1, Math.ceil(entries.length / ROSTER_PAGE_SIZE));
  checkPageExists(page, pageCount, 'roster');
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const offset = (current - 1) * ROSTER_PAGE_SIZE;
  return { kind: 'roster', people: entries.slice(offset, offset + ROSTER_PAGE_SIZE), offset, total: entries.length, removed: entries.filter((e) => !e.active).length, page: current, pageCount, limitedTo };
}
