import { effectiveRole, type Actor, type Role } from '../domain/people.ts';
import { listPeople, setRole } from '../db/repositories/roster.ts';
import { ensureTeam, managedTeams, membershipsOf, setManagedTeams } from '../db/repositories/teams.ts';
import { inTransaction } from '../db/transaction.ts';
import { MAX_TEAM_NAME, teamName } from '../domain/team-name.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import { subjectOrNewcomer, type About } from './about.ts';
import { authorize } from './access.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf, recordChange } from './shared.ts';

export interface RoleChange {
  readonly role: Role;
  /** For a manager: the teams they are limited to (none: the whole organisation). */
  readonly teams?: readonly string[];
}

/**
 * An admin gives someone a role (`role @carla manager of "Night shift"`). A manager may be limited
 * to teams (created if new). The organisation always keeps an admin: the last one is not demoted.
 */
export async function changeRole(deps: CoreDeps, actor: Actor, about: About, change: RoleChange): Promise<Reply> {
  await authorize(deps, actor, 'manage-roles');
  const names = change.role === 'manager' ? (change.teams ?? []).map(teamName) : [];
  // The same rule as `team … add` and `roster set … team` (there was none here: any length, or `""`).
  if (names.some((n) => n === null)) throw new RecertError('team-name-invalid', { max: MAX_TEAM_NAME });
  const subject = await subjectOrNewcomer(deps, actor, about, 'manage-roles');
  return inTransaction(deps.db, async (trx) => {
    const before = { role: subject.role, teams: (await managedTeams(trx, actor.organisationId, subject.id)).map((t) => t.name) };
    if (change.role !== 'admin' && effectiveRole(subject) === 'admin' && !subject.platformAdmin && (await adminCount(trx, actor.organisationId)) <= 1) {
      throw new RecertError('last-admin', { name: subject.displayName });
    }
    const teams = await Promise.all(names.filter((n): n is string => n !== null).map((name) => ensureTeam(trx, actor.organisationId, name, nowOf(deps))));
    await setRole(trx, actor.organisationId, subject.id, change.role);
    await setManagedTeams(trx, actor.organisationId, subject.id, teams.map((t) => t.team.id));
    const after = { role: change.role, teams: teams.map((t) => t.team.name) };
    await recordChange(trx, deps, actor, { action: 'role.changed', entity: 'person', entityId: subject.id, before: { ...before, name: subject.displayName }, after: { ...after, name: subject.displayName, by: actor.displayName } });
    return { kind: 'role-changed', person: subject.displayName, role: change.role, teams: after.teams, previous: before.role, platformAdmin: subject.platformAdmin };
  });
}

async function adminCount(db: CoreDeps['db'], organisationId: string): Promise<number> {
  const people = await listPeople(db, organisationId, { activeOnly: true });
  return people.filter((p) => effectiveRole(p) === 'admin').length;
}

/** `roles`: the organisation's admins and managers (with the teams a manager is limited to), and how many scribes. */
export async function listRoles(deps: CoreDeps, actor: Actor): Promise<Reply> {
  await authorize(deps, actor, 'see-report', undefined, 'roles');
  const [people, memberships] = await Promise.all([listPeople(deps.db, actor.organisationId, { activeOnly: true }), membershipsOf(deps.db, actor.organisationId)]);
  const staff = people.filter((p) => effectiveRole(p) !== 'scribe');
  const limits = await Promise.all(staff.map((p) => (effectiveRole(p) === 'manager' ? managedTeams(deps.db, actor.organisationId, p.id) : Promise.resolve([]))));
  return {
    kind: 'roles',
    people: staff.map((p, i) => ({ displayName: p.displayName, role: effectiveRole(p), platformAdmin: p.platformAdmin, managerOf: (limits[i] ?? []).map((t) => t.name), teams: (memberships.get(p.id) ?? []).map((t) => t.name) })),
    scribes: people.length - staff.length,
  };
}
