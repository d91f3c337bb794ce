import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { planReminders, type PlannablePerson, type PlanInput } from '../../../src/reminders/plan.ts';
import { DEFAULT_POLICY, type ChannelSubscription } from '../../../src/reminders/policy.ts';
import { sendInstant, weekdayOnOrBefore } from '../../../src/reminders/send-time.ts';
import { stepsOf } from '../../../src/reminders/steps.ts';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

function person(id: string, expiresOn: string, overrides: Partial<PlannablePerson> = {}): PlannablePerson {
  return { personId: id, zone: 'America/New_York', teamIds: [], credentialId: `cred-${id}`, expiresOn, state: 'at_risk', snoozedUntil: null, ...overrides };
}

const channel = (overrides: Partial<ChannelSubscription> = {}, zone = 'America/New_York') => ({ targetId: 'chan-1', zone, subscription: { ...DEFAULT_POLICY, teamId: null, private: false, ...overrides } });

/** Run the planner minute by minute over a window, as the periodic job does, collecting what it plans. */
function runEveryMinute(input: Omit<PlanInput, 'since' | 'now'>, from: string, to: string, stepMinutes = 1) {
  const planned = [];
  for (let t = utc(from); t < utc(to); t = t.plus({ minutes: stepMinutes })) planned.push(...planReminders({ ...input, since: t, now: t.plus({ minutes: stepMinutes }) }));
  return planned;
}

describe('send times', () => {
  it('keeps 09:00 at 09:00 local across daylight-saving changes (New York, London)', () => {
    expect(sendInstant('2026-03-07', '09:00', 'America/New_York').toISO()).toBe('2026-03-07T14:00:00.000Z');
    expect(sendInstant('2026-03-09', '09:00', 'America/New_York').toISO()).toBe('2026-03-09T13:00:00.000Z');
    expect(sendInstant('2026-03-28', '09:00', 'Europe/London').toISO()).toBe('2026-03-28T09:00:00.000Z');
    expect(sendInstant('2026-03-30', '09:00', 'Europe/London').toISO()).toBe('2026-03-30T08:00:00.000Z');
    expect(sendInstant('2026-11-02', '09:00', 'America/New_York').toISO()).toBe('2026-11-02T14:00:00.000Z');
  });

  it('sends a time that does not exist (spring forward) at the next minute that does', () => {
    // 2026-03-08 02:00 → 03:00 in New York: 02:30 does not happen; 03:00 EDT is 07:00 UTC.
    expect(sendInstant('2026-03-08', '02:30', 'America/New_York').toISO()).toBe('2026-03-08T07:00:00.000Z');
    // 2026-03-29 01:00 → 02:00 in London.
    expect(sendInstant('2026-03-29', '01:15', 'Europe/London').toISO()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('sends a time that happens twice (fall back) once, at its first occurrence', () => {
    // 2026-11-01 01:30 happens at 05:30 UTC (EDT) and 06:30 UTC (EST).
    expect(sendInstant('2026-11-01', '01:30', 'America/New_York').toISO()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('moves weekend steps to the Friday before', () => {
    expect([weekdayOnOrBefore('2026-12-05'), weekdayOnOrBefore('2026-12-06'), weekdayOnOrBefore('2026-12-07')]).toEqual(['2026-12-04', '2026-12-04', '2026-12-07']);
  });
});

describe('steps of a certificate', () => {
  it('counts back from the expiry day, then weekly while expired', () => {
    const steps = stepsOf(DEFAULT_POLICY, '2027-01-15', 'America/New_York');
    expect(steps.slice(0, 7).map((s) => [s.step, s.localDate])).toEqual([
      ['before-60', '2026-11-16'],
      ['before-30', '2026-12-16'],
      ['before-14', '2027-01-01'],
      ['before-7', '2027-01-08'],
      ['before-1', '2027-01-14'],
      ['before-0', '2027-01-15'],
      ['after-1', '2027-01-22'],
    ]);
  });

  it('handles a leap day and a certificate expiring on the 31st', () => {
    expect(stepsOf(DEFAULT_POLICY, '2028-03-30', 'UTC').find((s) => s.step === 'before-30')?.localDate).toBe('2028-02-29');
    expect(stepsOf(DEFAULT_POLICY, '2026-12-31', 'UTC').find((s) => s.step === 'before-30')?.localDate).toBe('2026-12-01');
    expect(stepsOf(DEFAULT_POLICY, '2027-03-31', 'UTC').find((s) => s.step === 'before-30')?.localDate).toBe('2027-03-01');
  });
});

describe('planning', () => {
  it('plans each DM once, at 09:00 in the person\'s zone, across the spring-forward day', () => {
    const people = [person('ny', '2026-04-07', { zone: 'America/New_York' }), person('ldn', '2026-04-28', { zone: 'Europe/London' })];
    // The 30-day steps fall on Sun 2026-03-08 (New York changes that day) and Sun 2026-03-29 (London).
    const planned = runEveryMinute({ people, dmPolicy: DEFAULT_POLICY, channels: [] }, '2026-03-08T00:00:00Z', '2026-03-30T00:00:00Z', 30);
    const thirty = planned.filter((p) => p.key.endsWith(':before-30'));
    expect(thirty.map((p) => [p.key, p.dueAt.toISO()])).toEqual([
      ['dm:ny:cred-ny:before-30', '2026-03-08T13:00:00.000Z'],
      ['dm:ldn:cred-ldn:before-30', '2026-03-29T08:00:00.000Z'],
    ]);
  });

  it('sends nothing to someone compliant, or snoozed that day', () => {
    const input = { people: [person('ok', '2027-01-15', { state: 'compliant' }), person('snoozed', '2027-01-15', { snoozedUntil: '2026-12-18' })], dmPolicy: DEFAULT_POLICY, channels: [] };
    expect(planReminders({ ...input, since: utc('2026-12-16T13:00:00Z'), now: utc('2026-12-16T15:00:00Z') })).toEqual([]);
  });

  it('puts everyone due in a channel on one digest, never one message per person', () => {
    const people = [person('a', '2027-01-15'), person('b', '2027-01-15'), person('c', '2027-02-14')];
    const planned = planReminders({ people, dmPolicy: null, channels: [channel()], since: utc('2026-12-16T13:00:00Z'), now: utc('2026-12-16T15:00:00Z') });
    expect(planned).toHaveLength(1);
    expect(planned[0]?.key).toBe('digest:chan-1:2026-12-16');
    expect(planned[0]?.people.map((p) => [p.personId, p.step])).toEqual([
      ['a', 'before-30'],
      ['b', 'before-30'],
      ['c', 'before-60'],
    ]);
  });

  it('after a 3-day outage, sends one digest per channel and each person\'s latest step only', () => {
    const people = [person('a', '2027-01-15'), person('b', '2027-01-16')];
    // Down from Dec 29 to Jan 1: a's 14-day step (Jan 1) and b's 14-day step (Jan 2) — and a's 30-day step long before.
    const planned = planReminders({ people, dmPolicy: DEFAULT_POLICY, channels: [channel()], since: utc('2026-12-29T00:00:00Z'), now: utc('2027-01-02T15:00:00Z') });
    const digests = planned.filter((p) => p.kind === 'channel-digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.people.map((p) => [p.personId, p.step])).toEqual([
      ['a', 'before-14'],
      ['b', 'before-14'],
    ]);
    expect(planned.filter((p) => p.kind === 'dm').map((p) => p.key)).toEqual(['dm:a:cred-a:before-14', 'dm:b:cred-b:before-14']);
  });

  it('never sends a step whose next step is already due', () => {
    // Down for 20 days across the 14-day and 7-day steps: only the 7-day one is sent.
    const planned = planReminders({ people: [person('a', '2027-01-15')], dmPolicy: DEFAULT_POLICY, channels: [], since: utc('2026-12-25T00:00:00Z'), now: utc('2027-01-09T00:00:00Z') });
    expect(planned.map((p) => p.key)).toEqual(['dm:a:cred-a:before-7']);
  });

  it('limits a channel to its team, and keeps weekend steps on the Friday when asked', () => {
    const people = [person('in', '2027-01-10', { teamIds: ['t1'] }), person('out', '2027-01-10')];
    // 30 days before 2027-01-10 is Fri 2026-12-11; 7 days before is Sun 2027-01-03 → Fri 2027-01-01.
    const chan = channel({ teamId: 't1', weekdaysOnly: true, daysBefore: [30, 7] });
    const planned = runEveryMinute({ people, dmPolicy: null, channels: [chan] }, '2026-12-01T00:00:00Z', '2027-01-05T00:00:00Z', 60);
    expect(planned.map((p) => [p.key, p.people.map((x) => x.personId)])).toEqual([
      ['digest:chan-1:2026-12-11', ['in']],
      ['digest:chan-1:2027-01-01', ['in']],
    ]);
  });
});
