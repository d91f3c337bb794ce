import type { Access } from '../../domain/permissions.ts';
import type { Actor } from '../../domain/people.ts';
import { listAdminNames } from '../../db/repositories/roster.ts';
import { findTeamByName, type Team } from '../../db/repositories/teams.ts';
import { RecertError } from '../../errors.ts';
import { managedTeamNames } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { recordChange } from '../shared.ts';

/**
 * The team a report names (`report team "Night shift"`, a page button's filters), for someone
 * already allowed the report: unknown is `team-not-found`; a team-limited manager naming a team
 * not theirs is refused (audited, naming the admins), as an audit of it is — not shown an empty
 * report of it, which would read as "nobody there".
 */
export async function reportTeam(deps: CoreDeps, actor: Actor, access: Access, name: string | undefined): Promise<Team | null> {
  if (!name) return null;
  return allowedReportTeam(deps, actor, access, name, await findTeamByName(deps.db, actor.organisationId, name));
}

/** `reportTeam` for a team already looked up by `name` (the report page reads it beside the zones). */
export async function allowedReportTeam(deps: CoreDeps, actor: Actor, access: Access, name: string | undefined, team: Team | null | undefined): Promise<Team | null> {
  if (!name) return null;
  if (!team) throw new RecertError('team-not-found', { name });
  if (access.managedTeams === null || access.managedTeams.includes(team.id)) return team;
  await recordChange(deps.db, deps, actor, { action: 'access.refused', entity: 'team', entityId: team.id, after: { permission: 'see-report', role: access.role, team: team.name } });
  const admins = await listAdminNames(deps.db, actor.organisationId);
  throw new RecertError('forbidden', { permission: 'see-report', role: access.role, admins: admins.join(', '), subject: `Team ${team.name}`, subjectKind: 'team', outOfScope: true, ...(await managedTeamNames(deps, actor, access)) });
}
