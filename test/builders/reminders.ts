import type { DigestRow, ReminderMessage, ReminderReply } from '../../src/index.ts';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/domain/people.ts';
import type { ChannelSubscription } from '../../src/reminders/policy.ts';
import { DEFAULT_POLICY } from '../../src/reminders/policy.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { identify } from '../../src/use-cases/identify.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';

/** Reminder messages and settings replies as the core makes them, for presentation and renderer tests. */

export const ANA_ROW: DigestRow = {
  personId: '22222222-2222-4222-8222-222222222222',
  platformUserId: 'U0ANA',
  displayName: 'Ana Ortiz',
  teams: ['Night shift'],
  state: 'out_of_compliance',
  reasons: [
    { code: 'certificate-expired', expiredOn: '2026-11-02', daysAgo: 25 },
    { code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 },
  ],
  certificate: { number: 'CMSS-1', expiresOn: '2026-11-02', daysLeft: -25 },
  earned: 1.5,
  required: 3,
  snoozedUntil: null,
};

export const BEN_ROW: DigestRow = {
  ...ANA_ROW,
  personId: '33333333-3333-4333-8333-333333333333',
  platformUserId: 'U0BEN',
  displayName: 'Ben <!channel> Lee',
  state: 'at_risk',
  reasons: [{ code: 'certificate-expiring', expiresOn: '2026-12-31', daysLeft: 30 }, { code: 'fee-unpaid', feeCents: 8500, currency: 'USD' }],
  certificate: { number: 'CMSS-2', expiresOn: '2026-12-31', daysLeft: 30 },
  earned: 3,
  snoozedUntil: '2026-12-04',
};

/** One of each message the scheduler sends, and the variants worth a look. */
export const EVERY_REMINDER: readonly (readonly [string, ReminderMessage])[] = [
  ['channel digest', { kind: 'reminder-digest', channelName: '#scribes', team: null, asOf: '2026-12-01', private: false, rows: [ANA_ROW, BEN_ROW], people: 2 }],
  ['private channel digest', { kind: 'reminder-digest', channelName: '#scribes', team: 'Night shift', asOf: '2026-12-01', private: true, rows: [], people: 3 }],
  ['dm before expiry', { kind: 'reminder-dm', row: BEN_ROW, asOf: '2026-12-01', offsetDays: -30, snoozeDays: 3 }],
  ['dm after expiry', { kind: 'reminder-dm', row: ANA_ROW, asOf: '2026-12-01', offsetDays: 28, snoozeDays: 3 }],
  ['manager digest', { kind: 'manager-digest', asOf: '2026-11-30', counts: { compliant: 5, atRisk: 1, outOfCompliance: 1, total: 7 }, limitedTo: null, rows: [ANA_ROW, BEN_ROW], listed: 2, weeks: [{ weekStart: '2026-11-23', compliant: 5, atRisk: 1, outOfCompliance: 1 }] }],
  ['deliveries unknown', { kind: 'deliveries-unknown', deliveries: [{ target: '#scribes', what: 'channel-digest', dueAt: '2026-11-30T09:00:00.000-05:00', error: 'socket hang up' }] }],
];

export const CHANNEL_REMINDERS: Extract<ReminderReply, { kind: 'reminders-channel' }> = {
  kind: 'reminders-channel',
  change: 'subscribed',
  channel: { channelName: '#scribes', active: true, daysBefore: [60, 30, 7, 0], weeklyAfterExpiry: true, sendAt: '09:00', weekdaysOnly: true, zone: 'America/New_York', zoneOwn: false, team: 'Night shift', private: false },
  next: [{ at: '2026-12-07T09:00:00.000-05:00', people: 2 }],
  dms: true,
  digest: { weekday: 1, sendAt: '08:00' },
};

export const REMINDER_REPLIES: { readonly [K in ReminderReply['kind']]: Extract<ReminderReply, { kind: K }> } = {
  'reminders-channel': CHANNEL_REMINDERS,
  'reminders-dms': { kind: 'reminders-dms', on: false, changed: true },
  'manager-digest-set': { kind: 'manager-digest-set', schedule: { weekday: 1, sendAt: '08:00', zone: 'Europe/London' }, changed: true },
  snoozed: { kind: 'snoozed', until: '2026-12-04', days: 3 },
  reminder: { kind: 'reminder', message: EVERY_REMINDER[2]?.[1] ?? { kind: 'deliveries-unknown', deliveries: [] } },
};

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
