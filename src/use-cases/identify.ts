import { isValidZone } from '../domain/dates.ts';
import { storableName } from '../domain/text.ts';
import { effectiveRole, type Actor, type Organisation, type Person, type Role, type Source } from '../domain/people.ts';
import { setOrganisationZone, upsertOrganisation } from '../db/repositories/organisations.ts';
import { findMember, markGreeted, updatePersonDetails, upsertPerson } from '../db/repositories/people.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf } from './shared.ts';

export interface IdentifyInput {
  readonly platform: string;
  readonly organisationExternalId: string;
  readonly organisationName: string;
  /** Zone for people whose own zone is unknown; used only when the organisation is first seen. */
  readonly organisationTimeZone: string;
  readonly userExternalId: string;
  readonly displayName: string;
  /** The person's IANA zone as the platform reports it; null or invalid keeps what is stored. */
  readonly timeZone: string | null;
  readonly source: Source;
  readonly requestId?: string;
  /** Role for a person seen for the first time. */
  readonly role?: Role;
  /** The organisation's zone follows `organisationTimeZone` (the terminal's, from configuration). */
  readonly organisationZoneIsConfigured?: boolean;
  /**
   * The platform says this person administers the workspace (Slack: owner, admin, primary owner,
   * or the installer): a Recert admin. Undefined when the platform did not say (keeps what is stored).
   */
  readonly platformAdmin?: boolean;
  /** The first person of a new organisation is its admin (the terminal: whoever starts it). */
  readonly firstPersonIsAdmin?: boolean;
}

export interface Identified {
  readonly actor: Actor;
  /** True the first time this person talks to the bot: the adapter shows a welcome. */
  readonly firstContact: boolean;
}

/** What the request says about the organisation and the person, cleaned up. */
interface Stated {
  readonly organisationZone: string;
  readonly displayName: string;
  readonly timeZone: string | null;
  readonly platformAdmin: boolean | undefined;
}

/**
 * Resolve (creating on first contact) the organisation and person behind a request. A known person
 * whose name and zone are unchanged costs one read and no write: this runs on every message.
 */
export async function identify(deps: CoreDeps, input: IdentifyInput): Promise<Identified> {
  const stated: Stated = {
    organisationZone: isValidZone(input.organisationTimeZone) ? input.organisationTimeZone : 'UTC',
    displayName: storableName(input.displayName).trim() || input.userExternalId,
    timeZone: input.timeZone && isValidZone(input.timeZone) ? input.timeZone : null,
    platformAdmin: input.platformAdmin,
  };
  const found = await findMember(deps.db, { platform: input.platform, externalId: input.organisationExternalId }, input.userExternalId);
  const organisation = found ? await refreshOrganisation(deps, found.organisation, input, stated) : await createOrganisation(deps, input, stated);
  const firstOfOrganisation = !found && input.firstPersonIsAdmin === true;
  const person = found?.person ? await refreshPerson(deps, found.person, stated) : await createPerson(deps, organisation, { ...input, ...(firstOfOrganisation ? { role: 'admin' as const } : {}) }, stated);
  const firstContact = !person.greeted && (await markGreeted(deps.db, organisation.id, person.id, nowOf(deps)));
  const actor: Actor = {
    organisationId: organisation.id,
    personId: person.id,
    displayName: person.displayName,
    role: effectiveRole(person),
    timeZone: person.timeZone ?? organisation.timeZone,
    source: input.source,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  };
  return { actor, firstContact };
}

/** Concurrent first contacts both insert; the upsert makes them agree on one row. */
function createOrganisation(deps: CoreDeps, input: IdentifyInput, stated: Stated): Promise<Organisation> {
  const key = { platform: input.platform, externalId: input.organisationExternalId, name: storableName(input.organisationName) };
  return upsertOrganisation(deps.db, { ...key, timeZone: stated.organisationZone, updateZone: input.organisationZoneIsConfigured === true }, nowOf(deps));
}

/** An organisation's stored name and zone are kept, except a configured zone (the terminal's), which is followed. */
async function refreshOrganisation(deps: CoreDeps, organisation: Organisation, input: IdentifyInput, stated: Stated): Promise<Organisation> {
  if (input.organisationZoneIsConfigured !== true || organisation.timeZone === stated.organisationZone) return organisation;
  await setOrganisationZone(deps.db, organisation.id, stated.organisationZone);
  return { ...organisation, timeZone: stated.organisationZone };
}

/** Two first messages at once both get here; the upsert gives both the same person (the greeting is claimed after). */
function createPerson(deps: CoreDeps, organisation: Organisation, input: IdentifyInput, stated: Stated): Promise<Person> {
  const details = { platformUserId: input.userExternalId, displayName: stated.displayName, timeZone: stated.timeZone, role: input.role ?? 'scribe', platformAdmin: stated.platformAdmin === true };
  return upsertPerson(deps.db, organisation.id, details, nowOf(deps));
}

/** Write only what changed: a new display name, or a new valid zone (an unknown zone keeps the stored one). */
async function refreshPerson(deps: CoreDeps, person: Person, stated: Stated): Promise<Person> {
  const displayName = stated.displayName !== person.displayName ? stated.displayName : undefined;
  const timeZone = stated.timeZone !== null && stated.timeZone !== person.timeZone ? stated.timeZone : undefined;
  const platformAdmin = stated.platformAdmin !== undefined && stated.platformAdmin !== person.platformAdmin ? stated.platformAdmin : undefined;
  if (displayName === undefined && timeZone === undefined && platformAdmin === undefined) return person;
  const changes = { ...(displayName === undefined ? {} : { displayName }), ...(timeZone === undefined ? {} : { timeZone }), ...(platformAdmin === undefined ? {} : { platformAdmin }) };
  await updatePersonDetails(deps.db, person.organisationId, person.id, changes);
  return { ...person, ...changes };
}
