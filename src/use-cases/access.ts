import { can, type Access, type Permission } from '../domain/permissions.ts';
import { effectiveRole, type Actor } from '../domain/people.ts';
import { findPerson } from '../db/repositories/people.ts';
import { listAdminNames } from '../db/repositories/roster.ts';
import { managedTeams } from '../db/repositories/teams.ts';
import { RecertError } from '../errors.ts';
import type { CoreDeps } from './deps.ts';
import { recordChange } from './shared.ts';
import type { Subject } from './subjects.ts';

/**
 * The asker's role and scope, read now: a role granted or taken away a moment ago applies to this
 * very request (nothing is cached).
 */
export async function accessOf(deps: CoreDeps, actor: Actor): Promise<Access> {
  if (actor.operator) return { personId: '', role: 'admin', managedTeams: null };
  const person = await findPerson(deps.db, actor.organisationId, actor.personId);
  // Someone taken off the roster (`roster remove`: they left) keeps their own records, not a role:
  // a removed manager still saw the report, exported others' paperwork and restored themselves.
  const role = person?.active ? effectiveRole(person) : 'scribe';
  if (role !== 'manager') return { personId: actor.personId, role, managedTeams: null };
  const teams = await managedTeams(deps.db, actor.organisationId, actor.personId);
  return { personId: actor.personId, role, managedTeams: teams.length ? teams.map((t) => t.id) : null };
}

/** A request the refusal names when its permission says less (the roster, the roles, the teams and a digest are read with `see-report`). */
export type RefusedRequest = 'roster' | 'roles' | 'teams' | 'digest';

/**
 * Go on only if `actor` may do `permission` (to `subject`, when the request is about someone). A
 * refusal is audited and thrown as `forbidden`, naming the organisation's admins to ask, and, for a
 * manager asking about someone outside their teams, the teams they do manage.
 */
export async function authorize(deps: CoreDeps, actor: Actor, permission: Permission, subject?: Subject, request?: RefusedRequest): Promise<Access> {
  const access = await accessOf(deps, actor);
  if (can(access, permission, subject && { personId: subject.id, teamIds: subject.teamIds })) return access;
  await recordChange(deps.db, deps, actor, {
    action: 'access.refused',
    entity: subject ? 'person' : 'organisation',
    entityId: subject?.id ?? actor.organisationId,
    after: { permission, role: access.role, ...(subject ? { subject: subject.displayName } : {}) },
  });
  const admins = await listAdminNames(deps.db, actor.organisationId);
  throw new RecertError('forbidden', {
    permission,
    role: access.role,
    admins: admins.join(', '),
    ...(request ? { request } : {}),
    ...(subject && access.role === 'manager' ? { subject: subject.displayName, outOfScope: true, ...(await managedTeamNames(deps, actor, access)) } : {}),
  });
}

/** The names of the teams a limited manager manages, for "you manage Night shift" (none for the whole organisation). */
export async function managedTeamNames(deps: CoreDeps, actor: Actor, access: Access): Promise<{ readonly teams?: string }> {
  if (access.managedTeams === null) return {};
  const teams = await managedTeams(deps.db, actor.organisationId, actor.personId);
  return teams.length ? { teams: teams.map((t) => t.name).join(', ') } : {};
}
