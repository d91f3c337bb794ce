import type { Permission } from '../domain/permissions.ts';
import type { Actor } from '../domain/people.ts';
import { RecertError } from '../errors.ts';
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
  const subject = await findSubjectOrRefuse(deps, actor, about, permission);
  if (subject.id !== actor.personId) await authorize(deps, actor, permission, subject);
  return subject;
}

/**
 * The person `about` names; when nobody (or several) match, someone who may act only on their own
 * records is refused as for anyone else (naming the admins), not told who is or is not on the
 * roster: a scribe never learns who works here by trying names.
 */
export async function findSubjectOrRefuse(deps: CoreDeps, actor: Actor, about: About, permission: Permission): Promise<Subject> {
  try {
    return await findSubject(deps, actor, about.ref, about.mentions);
  } catch (error) {
    if (error instanceof RecertError && (error.code === 'person-not-found' || error.code === 'person-ambiguous')) await authorize(deps, actor, permission);
    throw error;
  }
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
