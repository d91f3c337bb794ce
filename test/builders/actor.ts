import { randomUUID } from 'node:crypto';
import type { Actor, Source } from '../../src/domain/people.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { identify } from '../../src/use-cases/identify.ts';

export interface ActorOptions {
  readonly name?: string;
  readonly timeZone?: string | null;
  readonly organisationExternalId?: string;
  readonly organisationTimeZone?: string;
  readonly source?: Source;
}

/** A person in an organisation of their own (unless one is named): tests isolate by tenant. */
export async function givenActor(deps: CoreDeps, options: ActorOptions = {}): Promise<Actor> {
  const name = options.name ?? 'Dana Scribe';
  const { actor } = await identify(deps, {
    platform: 'test',
    organisationExternalId: options.organisationExternalId ?? `org-${randomUUID()}`,
    organisationName: 'Test Clinic',
    organisationTimeZone: options.organisationTimeZone ?? 'America/New_York',
    userExternalId: `${name.toLowerCase().replace(/\s+/g, '-')}-${randomUUID().slice(0, 8)}`,
    displayName: name,
    timeZone: options.timeZone === undefined ? 'America/New_York' : options.timeZone,
    source: options.source ?? 'shell',
  });
  return actor;
}
