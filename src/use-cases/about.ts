import type { Permission } from '../domain/permissions.ts';
import type { Actor } from '../domain/people.ts';
import { authorize } from './access.ts';
import type { CoreDeps } from './deps.ts';
import { findOrAddByRef, findSubject, selfSubject, withScope, type Mentions, type PersonRef, type Subject } from './subjects.ts';

/** A request about someone other than the asker: who, as typed, and the mentions the adapter resolved. */
export interface About {
  readonly ref: PersonRef;
  readonly mentions?: Mentions;
}

/**
 * The person a request is about — the asker, or the one `about` names — once the asker is allowed
 * `permission` on them. Naming oneself is the same as naming no one.
 */
export async function subjectFor(deps: CoreDeps, actor: Actor, about: About | undefined, permission: Permission): Promise<Subject> {
  if (!about) return selfSubject(actor);
  const subject = await findSubject(deps, actor, about.ref, about.mentions);
  if (subject.id !== actor.personId) await authorize(deps, actor, permission, subject);
  return subject;
}

/**
 * Like subjectFor for a request that may bring someone new onto the roster (a role, a team): a
 * mentioned platform user who is not on it yet is added first.
 */
export async function subjectOrNewcomer(deps: CoreDeps, actor: Actor, about: About, permission: Permission): Promise<Subject> {
  const { person } = await findOrAddByRef(deps, actor.organisationId, about.ref, about.mentions ?? new Map());
  const subject = await withScope(deps, actor.organisationId, person, null);
  if (subject.id !== actor.personId) await authorize(deps, actor, permission, subject);
  return subject;
}

/** The ledger owner and "today" of a subject (their own zone, else the organisation's). */
export function ownerOf(actor: Actor, subject: Subject): { organisationId: string; personId: string } {
  return { organisationId: actor.organisationId, personId: subject.id };
}
