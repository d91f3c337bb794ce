import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { composeOne, offsetOf, type PersonNow, type SendState } from '../../../src/reminders/compose-rules.ts';
import { DEFAULT_SUBSCRIPTION } from '../../../src/reminders/next-sends.ts';
import type { PlannedDelivery } from '../../../src/reminders/plan.ts';
import { ANA_ROW, BEN_ROW } from '../../builders/reminders.ts';

const DUE = DateTime.fromISO('2026-12-01T14:00:00Z', { zone: 'utc' });
const ana: PersonNow = { row: ANA_ROW, today: '2026-12-01', snoozedUntil: null };
const ben: PersonNow = { row: BEN_ROW, today: '2026-12-01', snoozedUntil: null };

function state(overrides: Partial<SendState> = {}): SendState {
  return {
    people: new Map([[ana.row.personId, ana], [ben.row.personId, ben]]),
    targets: new Map([['t1', { name: '#scribes', active: true, subscription: DEFAULT_SUBSCRIPTION, team: null, today: '2026-12-01' }]]),
    dms: true,
    ...overrides,
  };
}

const planned = (p: PersonNow, step: string) => ({ personId: p.row.personId, credentialId: 'c', step, expiresOn: p.row.certificate?.expiresOn ?? '' });
const dm = (p: PersonNow, step = 'before-30'): PlannedDelivery => ({ key: `dm:${p.row.personId}`, kind: 'dm', target: { personId: p.row.personId }, dueAt: DUE, people: [planned(p, step)] });
const digest: PlannedDelivery = { key: 'digest:t1', kind: 'channel-digest', target: { targetId: 't1' }, dueAt: DUE, people: [planned(ben, 'before-30'), planned(ana, 'after-4')] };

describe('composing at send time', () => {
  it('reads steps as days from expiry', () => {
    expect([offsetOf('before-30'), offsetOf('before-0'), offsetOf('after-2')]).toEqual([-30, -0, 14]);
  });

  it('DMs a person their own gap with the step and the snooze offer', () => {
    expect(composeOne(state(), dm(ben))).toMatchObject({ message: { kind: 'reminder-dm', row: { displayName: BEN_ROW.displayName }, asOf: '2026-12-01', offsetDays: -30, snoozeDays: 3 } });
  });

  it('drops a DM when the person is compliant now, renewed, snoozed, gone, or DMs are off', () => {
    const compliant = { ...ben, row: { ...BEN_ROW, state: 'compliant' as const, reasons: [] } };
    const renewed = { ...ben, row: { ...BEN_ROW, certificate: { number: 'CMSS-3', expiresOn: '2027-12-31', daysLeft: 395 } } };
    const snoozed = { ...ben, snoozedUntil: '2026-12-01' };
    for (const who of [compliant, renewed, snoozed]) {
      expect(composeOne(state({ people: new Map([[ben.row.personId, who]]) }), dm(ben))).toMatchObject({ message: null, skipped: 'nobody-left' });
    }
    expect(composeOne(state({ people: new Map() }), dm(ben))).toMatchObject({ message: null, skipped: 'nobody-left' });
    expect(composeOne(state({ dms: false }), dm(ben))).toMatchObject({ message: null, skipped: 'dms-off' });
    // Snoozed until yesterday: the snooze is over.
    expect(composeOne(state({ people: new Map([[ben.row.personId, { ...ben, snoozedUntil: '2026-11-30' }]]) }), dm(ben)).message?.kind).toBe('reminder-dm');
  });

  it('puts everyone still due in one digest, most urgent first, a snoozed person marked', () => {
    const snoozedBen = { ...ben, snoozedUntil: '2026-12-04' };
    const composed = composeOne(state({ people: new Map([[ana.row.personId, ana], [ben.row.personId, snoozedBen]]) }), digest);
    expect(composed.message).toMatchObject({ kind: 'reminder-digest', channelName: '#scribes', private: false, people: 2 });
    const rows = composed.message?.kind === 'reminder-digest' ? composed.message.rows : [];
    expect(rows.map((r) => [r.displayName, r.snoozedUntil])).toEqual([[ANA_ROW.displayName, null], [BEN_ROW.displayName, '2026-12-04']]);
  });

  it('keeps names out of a private channel: the count only', () => {
    const priv = state({ targets: new Map([['t1', { name: '#scribes', active: true, subscription: { ...DEFAULT_SUBSCRIPTION, private: true }, team: null, today: '2026-12-01' }]]) });
    const composed = composeOne(priv, digest);
    expect(composed.message).toEqual({ kind: 'reminder-digest', channelName: '#scribes', team: null, asOf: '2026-12-01', private: true, rows: [], people: 2 });
    expect(JSON.stringify(composed.message)).not.toMatch(/Ana|Ben/);
  });

  it("lists only the channel's team, as it is at send time", () => {
    const night = state({ targets: new Map([['t1', { name: '#night', active: true, subscription: { ...DEFAULT_SUBSCRIPTION, teamId: 'team-1' }, team: 'Night shift', today: '2026-12-01' }]]) });
    const moved = new Map([[ana.row.personId, ana], [ben.row.personId, { ...ben, row: { ...BEN_ROW, teams: ['Day shift'] } }]]);
    const composed = composeOne({ ...night, people: moved }, digest);
    expect(composed.message?.kind === 'reminder-digest' && composed.message.rows.map((r) => r.displayName)).toEqual([ANA_ROW.displayName]);
  });

  it('skips a digest with nobody left, and one for a channel turned off', () => {
    const allFine = new Map([[ana.row.personId, { ...ana, row: { ...ANA_ROW, state: 'compliant' as const } }]]);
    expect(composeOne(state({ people: allFine }), digest)).toMatchObject({ message: null, skipped: 'nobody-left' });
    const off = state({ targets: new Map([['t1', { name: '#scribes', active: false, subscription: DEFAULT_SUBSCRIPTION, team: null, today: '2026-12-01' }]]) });
    expect(composeOne(off, digest)).toMatchObject({ message: null, skipped: 'target-off' });
  });
});
