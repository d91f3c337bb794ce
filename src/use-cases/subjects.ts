import { isUuid } from '../domain/ids.ts';
import { manages, type Access } from '../domain/permissions.ts';
import type { Actor } from '../domain/people.ts';
import { findOrganisationZone } from '../db/repositories/lookup.ts';
import { upsertPerson } from '../db/repositories/people.ts';
import { findPeopleByEmail, findPeopleByName, findPersonById, findPersonByPlatformId, setEmail, type RosterPerson } from '../db/repositories/roster.ts';
import { teamsOf } from '../db/repositories/teams.ts';
import { RecertError } from '../errors.ts';
import type { CoreDeps } from './deps.ts';

/**
 * A person named in a request: `@token` as typed (a platform user id, a name, an e-mail address),
 * or an id from a button the bot made (validated like everything else: never another organisation's).
 */
export type PersonRef = { readonly token: string } | { readonly personId: string };

/** What the adapter knows of a mentioned platform user (Slack: users.info), to find or add them. */
export interface MentionedProfile {
  readonly platformUserId: string;
  readonly displayName: string;
  readonly timeZone: string | null;
  readonly email?: string | null;
}

/** Mentions the adapter resolved, by the token the text carries (e.g. Slack's user id). */
export type Mentions = ReadonlyMap<string, MentionedProfile>;

/** The person a request is about, with their teams and the zone their "today" is read in. */
export interface Subject extends RosterPerson {
  readonly teamIds: readonly string[];
  readonly zone: string;
}

/**
 * The subject of a person's own request, from what identify already read (no query: this is every
 * scribe's every request). Their teams do not matter here: own records need no scope.
 */
export function selfSubject(actor: Actor): Subject {
  if (actor.operator) throw new RecertError('person-not-found');
  return {
    id: actor.personId,
    organisationId: actor.organisationId,
    platformUserId: '',
    displayName: actor.displayName,
    timeZone: actor.timeZone,
    role: actor.role,
    greeted: true,
    platformAdmin: false,
    active: true,
    email: null,
    teamIds: [],
    zone: actor.timeZone,
  };
}

/**
 * The organisation's person `ref` names: by the mention's platform user id, else the token as a
 * platform user id, an e-mail address, or a display name (one match only). Never another organisation's.
 */
export async function findSubject(deps: CoreDeps, actor: Actor, ref: PersonRef, mentions: Mentions = new Map()): Promise<Subject> {
  const person = await findByRef(deps, actor.organisationId, ref, mentions);
  return withScope(deps, actor.organisationId, person, null);
}

export async function findByRef(deps: CoreDeps, organisationId: string, ref: PersonRef, mentions: Mentions): Promise<RosterPerson> {
  if ('personId' in ref) {
    const person = isUuid(ref.personId) ? await findPersonById(deps.db, organisationId, ref.personId) : undefined;
    if (!person) throw new RecertError('person-not-found');
    return person;
  }
  const token = ref.token.replace(/^@/, '').trim();
  const platformUserId = mentions.get(token)?.platformUserId ?? token;
  const byId = await findPersonByPlatformId(deps.db, organisationId, platformUserId);
  if (byId) return byId;
  const matches = token.includes('@') ? await findPeopleByEmail(deps.db, organisationId, token) : await findPeopleByName(deps.db, organisationId, token);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) throw new RecertError('person-ambiguous', { name: token, count: matches.length });
  throw new RecertError('person-not-found', { name: mentions.get(token)?.displayName ?? token });
}

/**
 * Like findByRef, but a platform user the adapter vouched for (a mention it looked up) who is not on
 * the roster yet is added to it: an admin may make someone a manager before they ever wrote to the bot.
 */
export async function findOrAddByRef(deps: CoreDeps, organisationId: string, ref: PersonRef, mentions: Mentions): Promise<{ person: RosterPerson; added: boolean }> {
  try {
    return { person: await findByRef(deps, organisationId, ref, mentions), added: false };
  } catch (error) {
    const profile = 'token' in ref ? mentions.get(ref.token.replace(/^@/, '').trim()) : undefined;
    if (!profile || !(error instanceof RecertError) || error.code !== 'person-not-found') throw error;
    const person = await upsertPerson(deps.db, organisationId, { platformUserId: profile.platformUserId, displayName: profile.displayName, timeZone: profile.timeZone, role: 'scribe' }, deps.clock.now().toJSDate());
    if (profile.email) await setEmail(deps.db, organisationId, person.id, profile.email);
    return { person: { ...person, email: profile.email ?? null }, added: true };
  }
}

export async function withScope(deps: CoreDeps, organisationId: string, person: RosterPerson, knownZone: string | null): Promise<Subject> {
  const teams = await teamsOf(deps.db, organisationId, [person.id]);
  const zone = person.timeZone ?? knownZone ?? (await findOrganisationZone(deps.db, organisationId));
  return { ...person, teamIds: teams.get(person.id) ?? [], zone };
}

/** Whether an organisation-wide list (a report, a roster) shows this person to the asker: out of scope is left out, not refused. */
export function visibleTo(access: Access, subject: Pick<Subject, 'id' | 'teamIds'>): boolean {
  return manages(access, { personId: subject.id, teamIds: subject.teamIds });
}
