import { isValidZone } from '../domain/dates.ts';
import type { Actor, Role, Source } from '../domain/people.ts';
import { upsertOrganisation } from '../db/repositories/organisations.ts';
import { markGreeted, upsertPerson } from '../db/repositories/people.ts';
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
}

export interface Identified {
  readonly actor: Actor;
  /** True the first time this person talks to the bot: the adapter shows a welcome. */
  readonly firstContact: boolean;
}

/** Resolve (creating on first contact) the organisation and person behind a request. */
export async function identify(deps: CoreDeps, input: IdentifyInput): Promise<Identified> {
  const now = nowOf(deps);
  const organisationZone = isValidZone(input.organisationTimeZone) ? input.organisationTimeZone : 'UTC';
  const organisation = await upsertOrganisation(
    deps.db,
    { platform: input.platform, externalId: input.organisationExternalId, name: input.organisationName, timeZone: organisationZone, updateZone: input.organisationZoneIsConfigured === true },
    now,
  );
  const person = await upsertPerson(
    deps.db,
    organisation.id,
    {
      platformUserId: input.userExternalId,
      displayName: input.displayName.trim() || input.userExternalId,
      timeZone: input.timeZone && isValidZone(input.timeZone) ? input.timeZone : null,
      role: input.role ?? 'scribe',
    },
    now,
  );
  const firstContact = !person.greeted && (await markGreeted(deps.db, organisation.id, person.id, now));
  const actor: Actor = {
    organisationId: organisation.id,
    personId: person.id,
    displayName: person.displayName,
    role: person.role,
    timeZone: person.timeZone ?? organisation.timeZone,
    source: input.source,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  };
  return { actor, firstContact };
}
