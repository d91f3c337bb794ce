import { type Access } from '../../domain/permissions.ts';
import { effectiveRole, type Actor } from '../../domain/people.ts';
import { listPeople, setActive, type RosterPerson } from '../../db/repositories/roster.ts';
import { RecertError } from '../../errors.ts';
import { addTeamMembers, managedTeams } from '../../db/repositories/teams.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Reply } from '../../replies.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf, recordChange } from '../shared.ts';
import { findOrAddByRef, withScope, type Mentions, type PersonRef, type Subject } from '../subjects.ts';

/**
 * `roster add @ana @ben`: bring people onto the roster (a mentioned platform user not seen yet is
 * added; someone removed earlier is restored). A manager limited to teams puts newcomers in those
 * teams, so that they are theirs to look after; anyone already on the roster must be in their scope.
 */
export async function addToRoster(deps: CoreDeps, actor: Actor, input: { readonly people: readonly PersonRef[]; readonly mentions?: Mentions }): Promise<Reply> {
  const access = await authorize(deps, actor, 'manage-roster');
  const found: { person: RosterPerson; added: boolean }[] = [];
  for (const ref of input.people) found.push(await findOrAddByRef(deps, actor.organisationId, ref, input.mentions ?? new Map()));
  const teams = access.managedTeams ? await managedTeams(deps.db, actor.organisationId, access.personId) : [];
  for (const { person, added } of found) {
    if (!added) await authorize(deps, actor, 'manage-roster', await withScope(deps, actor.organisationId, person, null));
  }
  return inTransaction(deps.db, async (trx) => {
    const added: string[] = [];
    const already: string[] = [];
    for (const { person, added: isNew } of unique(found)) {
      if (isNew || !person.active) {
        if (!person.active) await setActive(trx, actor.organisationId, person.id, true, nowOf(deps));
        for (const team of teams) await addTeamMembers(trx, actor.organisationId, team.id, [person.id], nowOf(deps));
        await recordChange(trx, deps, actor, { action: 'roster.added', entity: 'person', entityId: person.id, after: { name: person.displayName, restored: !isNew, teams: teams.map((t) => t.name), by: actor.displayName } });
        added.push(person.displayName);
      } else already.push(person.displayName);
    }
    return { kind: 'roster-changed', change: { what: 'added', added, already, teams: teams.map((t) => t.name) } };
  });
}

function unique<T extends { person: { id: string } }>(found: readonly T[]): T[] {
  return found.filter((f, i) => found.findIndex((g) => g.person.id === f.person.id) === i);
}

/**
 * `roster remove @ana` / `roster restore @ana`: someone who left is deactivated — every record
 * kept, left out of reports and reminders — and can come back as they were.
 */
export async function setOnRoster(deps: CoreDeps, actor: Actor, subject: Subject, active: boolean): Promise<Reply> {
  await authorize(deps, actor, 'manage-roster', subject);
  const what = active ? 'restored' : 'removed';
  if (subject.active === active) return { kind: 'roster-changed', change: { what, person: subject.displayName, already: true } };
  return inTransaction(deps.db, async (trx) => {
    // The organisation keeps an admin: the last active one is not removed (as `role` keeps them).
    if (!active && effectiveRole(subject) === 'admin' && (await listPeople(trx, actor.organisationId, { activeOnly: true })).filter((p) => effectiveRole(p) === 'admin').length <= 1) {
      throw new RecertError('last-admin', { name: subject.displayName });
    }
    await setActive(trx, actor.organisationId, subject.id, active, nowOf(deps));
    await recordChange(trx, deps, actor, { action: `roster.${what}`, entity: 'person', entityId: subject.id, before: { active: !active }, after: { active, name: subject.displayName, by: actor.displayName } });
    return { kind: 'roster-changed', change: { what, person: subject.displayName, already: false } };
  });
}

/** Whether a manager limited to teams may name this team (admins and whole-organisation managers: any). */
export function mayUseTeam(access: Access, teamId: string | null): boolean {
  if (access.role === 'admin' || access.managedTeams === null) return true;
  return teamId !== null && access.managedTeams.includes(teamId);
}
