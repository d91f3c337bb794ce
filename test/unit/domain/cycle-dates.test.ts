import { describe, expect, it } from 'vitest';
import { CMSS_RULES, type CredentialRules } from '../../../src/domain/credential-rules.ts';
import { certificateValidity, defaultExpiry, inCycle, type Certificate } from '../../../src/domain/cycle.ts';
import { Info } from 'luxon';
import { addDays, addMonths, cachedZoneCheck, daysBetween, isIsoDate, isValidZone, localDate } from '../../../src/domain/dates.ts';
import { fixedClock } from '../../fakes/fixed-clock.ts';

const TWO_YEARS: CredentialRules = { ...CMSS_RULES, code: 'TWO', cycleMonths: 24, expiringSoonDays: 90 };

describe('defaultExpiry: issue date + the credential’s cycle (B12), clamped to the month’s end', () => {
  it.each([
    ['2026-01-15', '2027-01-15'],
    ['2026-01-31', '2027-01-31'],
    ['2024-02-29', '2025-02-28'],
    ['2023-02-28', '2024-02-28'],
    ['2026-12-31', '2027-12-31'],
    ['2026-03-01', '2027-03-01'],
  ])('CMSS issued %s expires %s', (issuedOn, expiresOn) => {
    expect(defaultExpiry(CMSS_RULES, issuedOn)).toBe(expiresOn);
  });

  it.each([
    ['2026-01-15', '2028-01-15'],
    ['2024-02-29', '2026-02-28'],
    ['2027-02-28', '2029-02-28'],
  ])('a 24-month credential issued %s expires %s', (issuedOn, expiresOn) => {
    expect(defaultExpiry(TWO_YEARS, issuedOn)).toBe(expiresOn);
  });
});

describe('addMonths / addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-27', -12, '2025-11-27'],
  ])('%s + %s months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-03-07', 1, '2026-03-08'],
    ['2026-03-08', 1, '2026-03-09'],
    ['2026-11-01', 1, '2026-11-02'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %s days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('inCycle: issue day in, expiry day out, no grace (B13)', () => {
  const cert: Certificate = { number: 'CMSS-1', issuedOn: '2026-01-15', expiresOn: '2027-01-15' };
  const leap: Certificate = { number: 'CMSS-2', issuedOn: '2024-02-29', expiresOn: '2025-02-28' };

  it.each([
    [cert, '2026-01-14', false],
    [cert, '2026-01-15', true],
    [cert, '2026-07-01', true],
    [cert, '2027-01-14', true],
    [cert, '2027-01-15', false],
    [cert, '2027-01-16', false],
    [leap, '2024-02-28', false],
    [leap, '2024-02-29', true],
    [leap, '2025-02-27', true],
    [leap, '2025-02-28', false],
  ])('%o contains %s: %s', (certificate, date, expected) => {
    expect(inCycle(certificate, date)).toBe(expected);
  });
});

describe('certificateValidity (expiringSoonDays = 30 for CMSS)', () => {
  const cert: Certificate = { number: 'CMSS-1', issuedOn: '2026-01-15', expiresOn: '2027-01-15' };

  it.each([
    ['2026-01-13', { state: 'not-yet-valid', daysUntil: 2 }],
    ['2026-01-14', { state: 'not-yet-valid', daysUntil: 1 }],
    ['2026-01-15', { state: 'valid', daysLeft: 365 }],
    ['2026-12-15', { state: 'valid', daysLeft: 31 }],
    ['2026-12-16', { state: 'expiring', daysLeft: 30 }],
    ['2027-01-14', { state: 'expiring', daysLeft: 1 }],
    ['2027-01-15', { state: 'expired', daysAgo: 0 }],
    ['2027-01-16', { state: 'expired', daysAgo: 1 }],
    ['2027-02-15', { state: 'expired', daysAgo: 31 }],
  ])('on %s: %o', (today, expected) => {
    expect(certificateValidity(CMSS_RULES, cert, today)).toEqual(expected);
  });

  it('reports "expired, 0 days ago" as a plain zero, not -0', () => {
    const validity = certificateValidity(CMSS_RULES, cert, '2027-01-15');
    expect(validity.state === 'expired' && Object.is(validity.daysAgo, 0)).toBe(true);
  });

  it('uses the credential’s own warning window', () => {
    expect(certificateValidity(TWO_YEARS, cert, '2026-10-17')).toEqual({ state: 'expiring', daysLeft: 90 });
    expect(certificateValidity(TWO_YEARS, cert, '2026-10-16')).toEqual({ state: 'valid', daysLeft: 91 });
  });

  it('counts whole days across a leap day', () => {
    const leap: Certificate = { number: 'CMSS-2', issuedOn: '2024-02-29', expiresOn: '2025-02-28' };
    expect(certificateValidity(CMSS_RULES, leap, '2024-02-29')).toEqual({ state: 'valid', daysLeft: 365 });
    expect(certificateValidity(CMSS_RULES, leap, '2025-02-27')).toEqual({ state: 'expiring', daysLeft: 1 });
    expect(certificateValidity(CMSS_RULES, leap, '2025-02-28')).toEqual({ state: 'expired', daysAgo: 0 });
    expect(certificateValidity(CMSS_RULES, leap, '2025-03-01')).toEqual({ state: 'expired', daysAgo: 1 });
  });
});

describe('localDate: the calendar day an instant falls on in a zone (B20)', () => {
  it.each([
    // New York, spring forward on 2026-03-08 at 02:00 EST (07:00Z)
    ['2026-03-08T04:59:00Z', 'America/New_York', '2026-03-07'], // 23:59 EST
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'], // 00:00 EST
    ['2026-03-08T06:30:00Z', 'America/New_York', '2026-03-08'], // 01:30 EST, half an hour before the change
    ['2026-03-08T07:30:00Z', 'America/New_York', '2026-03-08'], // 03:30 EDT
    ['2026-03-09T03:59:00Z', 'America/New_York', '2026-03-08'], // 23:59 EDT: midnight is now at 04:00Z
    ['2026-03-09T04:00:00Z', 'America/New_York', '2026-03-09'],
    // New York, fall back on 2026-11-01 at 02:00 EDT (06:00Z)
    ['2026-11-01T03:59:00Z', 'America/New_York', '2026-10-31'], // 23:59 EDT
    ['2026-11-01T04:00:00Z', 'America/New_York', '2026-11-01'], // 00:00 EDT
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01'], // first 01:30 (EDT)
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01'], // second 01:30 (EST)
    ['2026-11-02T04:59:00Z', 'America/New_York', '2026-11-01'], // 23:59 EST: midnight is now at 05:00Z
    ['2026-11-02T05:00:00Z', 'America/New_York', '2026-11-02'],
    // the same instant on different days
    ['2026-11-27T03:30:00Z', 'America/Los_Angeles', '2026-11-26'],
    ['2026-11-27T03:30:00Z', 'Asia/Tokyo', '2026-11-27'],
    ['2026-11-27T03:30:00Z', 'UTC', '2026-11-27'],
    ['2026-11-27T10:30:00Z', 'Pacific/Pago_Pago', '2026-11-26'], // UTC-11
    ['2026-11-27T10:30:00Z', 'Pacific/Kiritimati', '2026-11-28'], // UTC+14
    // Auckland: NZDT (UTC+13) in November; back to NZST (UTC+12) on 2026-04-05 at 03:00 NZDT
    ['2026-11-27T10:59:00Z', 'Pacific/Auckland', '2026-11-27'],
    ['2026-11-27T11:00:00Z', 'Pacific/Auckland', '2026-11-28'],
    ['2026-04-04T10:59:00Z', 'Pacific/Auckland', '2026-04-04'],
    ['2026-04-04T11:00:00Z', 'Pacific/Auckland', '2026-04-05'],
    ['2026-04-05T11:59:00Z', 'Pacific/Auckland', '2026-04-05'], // 23:59 NZST
    ['2026-04-05T12:00:00Z', 'Pacific/Auckland', '2026-04-06'],
    // Kolkata: UTC+05:30
    ['2026-11-27T18:29:00Z', 'Asia/Kolkata', '2026-11-27'],
    ['2026-11-27T18:30:00Z', 'Asia/Kolkata', '2026-11-28'],
    ['2026-12-31T18:30:00Z', 'Asia/Kolkata', '2027-01-01'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(localDate(fixedClock(iso).now(), zone)).toBe(expected);
  });

  it('falls back to the UTC day for a zone luxon does not know', () => {
    expect(localDate(fixedClock('2026-11-27T03:30:00Z').now(), 'Mars/Olympus_Mons')).toBe('2026-11-27');
  });
});

describe('daysBetween: whole calendar days, whatever the clocks do', () => {
  it.each([
    ['2026-03-07', '2026-03-09', 2], // over the US spring-forward (a 23-hour day)
    ['2026-03-08', '2026-03-09', 1],
    ['2026-10-31', '2026-11-02', 2], // over the US fall-back (a 25-hour day)
    ['2026-11-01', '2026-11-02', 1],
    ['2026-04-04', '2026-04-06', 2], // over the Auckland change
    ['2024-02-28', '2024-03-01', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-11-27', '2026-11-27', 0],
    ['2026-03-09', '2026-03-07', -2],
  ])('%s → %s = %s', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(Number.isInteger(daysBetween(from, to))).toBe(true);
  });
});

describe('isIsoDate / isValidZone', () => {
  it.each([
    ['2026-11-27', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00', false],
    ['11/27/2026', false],
    ['', false],
    [20261127, false],
    [null, false],
  ])('isIsoDate(%j) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['America/New_York', true],
    ['Asia/Kolkata', true],
    ['Pacific/Auckland', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('isValidZone(%j) = %s', (zone, expected) => {
    expect(isValidZone(zone)).toBe(expected);
  });
});

describe('cachedZoneCheck: zone answers are remembered, within a bound', () => {
  function counting(): { check: (zone: string) => boolean; calls: string[] } {
    const calls: string[] = [];
    return { calls, check: (zone) => (calls.push(zone), zone.includes('/')) };
  }

  it('asks once per zone string, and gives the same answer after, valid or not', () => {
    const { check, calls } = counting();
    const cached = cachedZoneCheck(check);
    const answers = ['America/New_York', 'Nowhere', 'America/New_York', 'Nowhere', 'Europe/Paris', 'America/New_York'].map(cached);
    expect(answers).toEqual([true, false, true, false, true, true]);
    expect(calls).toEqual(['America/New_York', 'Nowhere', 'Europe/Paris']);
  });

  it('keeps at most `limit` answers, dropping the oldest first', () => {
    const { check, calls } = counting();
    const cached = cachedZoneCheck(check, 2);
    for (const zone of ['A/1', 'B/2', 'C/3', 'B/2', 'A/1']) cached(zone);
    // A/1 was dropped to make room for C/3 and had to be asked again; B/2 was still remembered.
    expect(calls).toEqual(['A/1', 'B/2', 'C/3', 'A/1']);
  });

  it('answers like luxon for zones it has seen before', () => {
    for (const zone of ['America/New_York', 'Mars/Olympus_Mons', '', 'utc', 'Etc/GMT+5', 'America/new_york']) {
      expect([isValidZone(zone), isValidZone(zone)]).toEqual([Info.isValidIANAZone(zone), Info.isValidIANAZone(zone)]);
    }
  });
});
