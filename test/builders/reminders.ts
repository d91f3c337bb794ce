import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/domain/people.ts';
import type { ChannelSubscription } from '../../src/reminders/policy.ts';
import { DEFAULT_POLICY } from '../../src/reminders/policy.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { identify } from '../../src/use-cases/identify.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';

/**
 * An organisation on a platform of its own (`t-…`): the scheduler works across organisations, and
 * a sender serves platforms, so a test's sender only ever touches that test's deliveries.
 */
export async function givenRemindedOrganisation(deps: CoreDeps, zone = 'America/New_York'): Promise<{ platform: string; organisationId: string; externalId: string; join(name: string, timeZone?: string | null): Promise<Actor> }> {
  const platform = `t-${randomUUID().slice(0, 8)}`;
  const externalId = `org-${randomUUID()}`;
  const join = async (name: string, timeZone: string | null = zone) =>
    (
      await identify(deps, {
        platform,
        organisationExternalId: externalId,
        organisationName: 'Reminded Clinic',
        organisationTimeZone: zone,
        userExternalId: `${name.toLowerCase()}-${randomUUID().slice(0, 6)}`,
        displayName: name,
        timeZone,
        source: 'shell',
        firstPersonIsAdmin: true,
      })
    ).actor;
  const admin = await join('Dana Admin');
  return { platform, organisationId: admin.organisationId, externalId, join };
}

/** A scribe with a certificate (issued a year before it expires), so short of credit: at risk or expired. */
export async function givenCertified(deps: CoreDeps, org: { join(name: string, timeZone?: string | null): Promise<Actor> }, name: string, expiresOn: string, timeZone?: string | null): Promise<Actor> {
  const person = await org.join(name, timeZone);
  const year = Number(expiresOn.slice(0, 4)) - 1;
  await saveCredential(deps, person, { number: `CMSS-${randomUUID().slice(0, 6)}`, issuedOn: `${year}${expiresOn.slice(4)}`.replace('-02-29', '-02-28'), expiresOn });
  return person;
}

export const subscription = (overrides: Partial<ChannelSubscription> = {}): ChannelSubscription => ({ ...DEFAULT_POLICY, teamId: null, private: false, ...overrides });

/** A subscribed channel, stored as the chat configuration would store it. */
export async function givenChannel(deps: CoreDeps, organisationId: string, platform: string, address: string, sub: ChannelSubscription = subscription()): Promise<string> {
  const now = deps.clock.now().toJSDate();
  const row = await deps.db
    .insertInto('reminder_targets')
    .values({ organisation_id: organisationId, platform, address, name: `#${address.toLowerCase()}`, subscription: JSON.stringify(sub), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Switch the organisation's DMs off (a stored null policy) or set a policy. */
export async function setDmPolicy(deps: CoreDeps, organisationId: string, policy: unknown): Promise<void> {
  const now = deps.clock.now().toJSDate();
  await deps.db
    .insertInto('reminder_settings')
    .values({ organisation_id: organisationId, dm_policy: policy === null ? null : JSON.stringify(policy), updated_at: now })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ dm_policy: policy === null ? null : JSON.stringify(policy) }))
    .execute();
}
