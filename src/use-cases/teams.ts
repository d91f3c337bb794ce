import type { Actor } from '../domain/people.ts';
import { MAX_TEAM_NAME, teamName } from '../domain/team-name.ts';
import { addTeamMembers, ensureTeam, findTeamByName, listTeams, removeTeamMembers } from '../db/repositories/teams.ts';
import { inTransaction } from '../db/transaction.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import { authorize } from './access.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf, recordChange } from './shared.ts';
import { findOrAddByRef, type Mentions, type PersonRef } from './subjects.ts';

/** Longest team name (characters). */

/**
 * `team Night shift add @ana @ben` / `… remove @ana`: an admin (or a manager of the whole
 * organisation) puts people in teams; adding to a team that does not exist yet creates it. A
 * mentioned platform user who is not on the roster yet is added to it.
 */
export async function changeTeam(deps: CoreDeps, actor: Actor, input: { readonly team: string; readonly op: 'add' | 'remove'; readonly people: readonly PersonRef[]; readonly mentions?: Mentions }): Promise<Reply> {
  await authorize(deps, actor, 'manage-teams');
  const name = teamName(input.team);
  if (!name) throw new RecertError('team-name-invalid', { max: MAX_TEAM_NAME });
  const people = await Promise.all(input.people.map(async (ref) => (await findOrAddByRef(deps, actor.organisationId, ref, input.mentions ?? new Map())).person));
  return inTransaction(deps.db, async (trx) => {
    const team = input.op === 'add' ? (await ensureTeam(trx, actor.organisationId, name, nowOf(deps))).team : await findTeamByName(trx, actor.organisationId, name);
    if (!team) throw new RecertError('team-not-found', { name });
    const ids = people.map((p) => p.id);
    const changed = input.op === 'add' ? await addTeamMembers(trx, actor.organisationId, team.id, ids, nowOf(deps)) : await removeTeamMembers(trx, actor.organisationId, team.id, ids);
    const names = people.filter((p) => changed.includes(p.id)).map((p) => p.displayName);
    await recordChange(trx, deps, actor, { action: `team.${input.op === 'add' ? 'members-added' : 'members-removed'}`, entity: 'team', entityId: team.id, after: { team: team.name, people: names, by: actor.displayName } });
    return { kind: 'team-changed', team: team.name, op: input.op, changed: names, unchanged: people.filter((p) => !changed.includes(p.id)).map((p) => p.displayName) };
  });
}

/** `teams`: the organisation's teams and how many people each has. */
export async function showTeams(deps: CoreDeps, actor: Actor): Promise<Reply> {
  await authorize(deps, actor, 'see-report', undefined, 'teams');
  const teams = await listTeams(deps.db, actor.organisationId);
  return { kind: 'teams', teams: teams.map((t) => ({ name: t.name, members: t.members })) };
}
