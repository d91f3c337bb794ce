import type { DigestRow, ReminderMessage, ReminderReply } from '../../src/index.ts';

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
