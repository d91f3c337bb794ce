import type { Actor } from '../domain/people.ts';
import { hasActiveAdmin, lockOrganisation } from '../db/repositories/admins.ts';
import { setRole } from '../db/repositories/roster.ts';
import { inTransaction } from '../db/transaction.ts';
import type { CoreDeps } from './deps.ts';
import { recordChange } from './shared.ts';

/** Why a person was made admin without another admin granting it (recorded in the audit trail). */
export type AdminReason = 'installed-the-app' | 'first-person-without-admin';

/**
 * A platform that names no workspace admins (Teams) still needs one: whoever installed the app is
 * made admin of the organisation, audited as a role change. Already an admin: nothing is written.
 * Returns the actor with its new role.
 */
export async function makeInstallerAdmin(deps: CoreDeps, actor: Actor): Promise<Actor> {
  if (actor.role === 'admin') return actor;
  return inTransaction(deps.db, async (trx) => {
    await grantAdmin({ ...deps, db: trx }, actor, 'installed-the-app');
    return { ...actor, role: 'admin' as const };
  });
}

/**
 * An organisation with no active admin at all makes the person speaking (in personal chat) its
 * admin, like the terminal's first person. Concurrent first messages take turns on the
 * organisation's row: only one is promoted. Returns whether this actor was.
 */
export async function claimAdminIfNone(deps: CoreDeps, actor: Actor): Promise<{ readonly actor: Actor; readonly promoted: boolean }> {
  if (actor.role === 'admin' || (await hasActiveAdmin(deps.db, actor.organisationId))) return { actor, promoted: false };
  return inTransaction(deps.db, async (trx) => {
    await lockOrganisation(trx, actor.organisationId);
    if (await hasActiveAdmin(trx, actor.organisationId)) return { actor, promoted: false };
    await grantAdmin({ ...deps, db: trx }, actor, 'first-person-without-admin');
    return { actor: { ...actor, role: 'admin' as const }, promoted: true };
  });
}

async function grantAdmin(deps: CoreDeps, actor: Actor, reason: AdminReason): Promise<void> {
  await setRole(deps.db, actor.organisationId, actor.personId, 'admin');
  const name = actor.displayName;
  await recordChange(deps.db, deps, actor, { action: 'role.changed', entity: 'person', entityId: actor.personId, before: { role: actor.role, teams: [], name }, after: { role: 'admin', teams: [], name, by: name, reason } });
}
