import { describe, expect, it } from 'vitest';
import { readCompletionDate, type DateReading } from '../../../src/reading/completion-date.ts';
import { readDateWords } from '../../../src/reading/date-words.ts';
import { fixedClock } from '../../fakes/fixed-clock.ts';

/** 03:30 UTC on Friday 2026-11-27: still Thursday evening (19:30) in Los Angeles, Friday lunchtime (12:30) in Tokyo. */
const NOW = fixedClock('2026-11-27T03:30:00Z').now();
const LA = 'America/Los_Angeles';
const TOKYO = 'Asia/Tokyo';

function dayOf(reading: DateReading): string {
  return reading.kind === 'invalid' || reading.kind === 'vague' ? `${reading.kind} ${reading.text}` : `${reading.kind} ${reading.date}`;
}

describe('readCompletionDate: the day in the person’s zone (B20)', () => {
  it.each([
    // text, Los Angeles (Thu 2026-11-26), Tokyo (Fri 2026-11-27)
    ['yesterday', 'stated 2026-11-25', 'stated 2026-11-26'],
    ['today', 'stated 2026-11-26', 'stated 2026-11-27'],
    ['finished it today', 'stated 2026-11-26', 'stated 2026-11-27'],
    ['last night', 'stated 2026-11-25', 'stated 2026-11-26'],
    ['3 days ago', 'stated 2026-11-23', 'stated 2026-11-24'],
    ['2 weeks ago', 'stated 2026-11-12', 'stated 2026-11-13'],
    ['on Nov 3', 'stated 2026-11-03', 'stated 2026-11-03'],
    ['2026-02-12', 'stated 2026-02-12', 'stated 2026-02-12'],
    ['9/30/2025', 'stated 2025-09-30', 'stated 2025-09-30'],
    ['11/13', 'stated 2026-11-13', 'stated 2026-11-13'],
    ['Nov 26 2026', 'stated 2026-11-26', 'stated 2026-11-26'],
    // weekdays: the latest such day up to today
    ['last Tuesday', 'stated 2026-11-24', 'stated 2026-11-24'],
    ['last Thursday', 'stated 2026-11-19', 'stated 2026-11-26'],
    ['on Thursday', 'stated 2026-11-26', 'stated 2026-11-26'],
    ['Friday', 'stated 2026-11-20', 'stated 2026-11-27'],
    ['on Sunday', 'stated 2026-11-22', 'stated 2026-11-22'],
    ['finished on Monday, took 45 min', 'stated 2026-11-23', 'stated 2026-11-23'],
    // a month and day without a year that is still ahead means last year's
    ['on Nov 27', 'stated 2025-11-27', 'stated 2026-11-27'],
    ['Nov 28', 'stated 2025-11-28', 'stated 2025-11-28'],
    ['Dec 25', 'stated 2025-12-25', 'stated 2025-12-25'],
    ['12/25', 'stated 2025-12-25', 'stated 2025-12-25'],
    // an explicit date ahead is refused
    ['2027-01-05', 'future 2027-01-05', 'future 2027-01-05'],
    ['on January 5, 2027', 'future 2027-01-05', 'future 2027-01-05'],
    ['Nov 27 2026', 'future 2026-11-27', 'stated 2026-11-27'],
    ['tomorrow', 'future 2026-11-27', 'future 2026-11-28'],
    ['in 2 days', 'future 2026-11-28', 'future 2026-11-29'],
    ['next Sunday', 'future 2026-11-29', 'future 2026-11-29'],
    // no date: today
    ['finished the hospice course', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
    ['', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
    // lengths and clock times are not days
    ['in 60 minutes', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
    ['1:30 – 3:00 pm ET', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
    ['2:00 to 3:30 p.m. ET', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
    ['30 minutes ago', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
    ['2 hours ago', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
    ['ended at 2:30', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
    ['Web-Based Training Course, January 2019', 'defaulted 2026-11-26', 'defaulted 2026-11-27'],
  ])('%j → LA: %s, Tokyo: %s', (text, inLosAngeles, inTokyo) => {
    expect(dayOf(readCompletionDate(text, NOW, LA))).toBe(inLosAngeles);
    expect(dayOf(readCompletionDate(text, NOW, TOKYO))).toBe(inTokyo);
  });

  it('returns the span it read, so the title can drop it', () => {
    expect(readCompletionDate('finished it yesterday, 45 min', NOW, LA)).toEqual({ kind: 'stated', date: '2026-11-25', text: 'yesterday', start: 12, end: 21 });
    expect(readCompletionDate('watched it on Nov 3', NOW, TOKYO)).toEqual({ kind: 'stated', date: '2026-11-03', text: 'Nov 3', start: 14, end: 19 });
    expect(readCompletionDate('did it 2026-02-12', NOW, TOKYO)).toEqual({ kind: 'stated', date: '2026-02-12', text: '2026-02-12', start: 7, end: 17 });
  });

  it('reports the words of a future date', () => {
    expect(readCompletionDate('will finish it 2027-01-05', NOW, LA)).toEqual({ kind: 'future', date: '2027-01-05', text: '2027-01-05', start: 15, end: 25 });
    expect(readCompletionDate('nothing here', NOW, LA)).toEqual({ kind: 'defaulted', date: '2026-11-26' });
  });

  it.each([
    ['2026-11-27T04:59:00Z', 'Asia/Kolkata', 'stated 2026-11-26'], // 10:29 IST Fri
    ['2026-11-27T18:29:00Z', 'Asia/Kolkata', 'stated 2026-11-26'], // 23:59 IST Fri
    ['2026-11-27T18:30:00Z', 'Asia/Kolkata', 'stated 2026-11-27'], // 00:00 IST Sat
    ['2026-11-27T10:59:00Z', 'Pacific/Auckland', 'stated 2026-11-26'], // 23:59 NZDT Fri
    ['2026-11-27T11:00:00Z', 'Pacific/Auckland', 'stated 2026-11-27'], // 00:00 NZDT Sat
  ])('"yesterday" at %s in %s → %s', (iso, zone, expected) => {
    expect(dayOf(readCompletionDate('yesterday', fixedClock(iso).now(), zone))).toBe(expected);
  });
});

describe('readCompletionDate across a daylight-saving change in New York', () => {
  it.each([
    // spring forward, Sunday 2026-03-08 02:00 EST → 03:00 EDT
    ['2026-03-08T06:30:00Z', 'today', 'stated 2026-03-08'], // 01:30 EST
    ['2026-03-08T06:30:00Z', 'yesterday', 'stated 2026-03-07'],
    ['2026-03-08T07:30:00Z', 'yesterday', 'stated 2026-03-07'], // 03:30 EDT
    ['2026-03-08T07:30:00Z', '3 days ago', 'stated 2026-03-05'],
    ['2026-03-08T07:30:00Z', 'Sunday', 'stated 2026-03-08'],
    ['2026-03-08T07:30:00Z', 'on Tuesday', 'stated 2026-03-03'],
    ['2026-03-08T07:30:00Z', 'Nov 3', 'stated 2025-11-03'],
    ['2026-03-09T03:30:00Z', 'today', 'stated 2026-03-08'], // 23:30 EDT; already Mar 9 in UTC
    ['2026-03-09T03:30:00Z', 'yesterday', 'stated 2026-03-07'],
    ['2026-03-09T03:30:00Z', 'no date at all', 'defaulted 2026-03-08'],
    // fall back, Sunday 2026-11-01 02:00 EDT → 01:00 EST
    ['2026-11-01T05:30:00Z', 'today', 'stated 2026-11-01'], // first 01:30 (EDT)
    ['2026-11-01T06:30:00Z', 'today', 'stated 2026-11-01'], // second 01:30 (EST)
    ['2026-11-01T06:30:00Z', 'yesterday', 'stated 2026-10-31'],
    ['2026-11-02T04:30:00Z', 'today', 'stated 2026-11-01'], // 23:30 EST; already Nov 2 in UTC
    ['2026-11-02T04:30:00Z', 'yesterday', 'stated 2026-10-31'],
    ['2026-11-02T04:30:00Z', '2 days ago', 'stated 2026-10-30'],
    ['2026-11-02T04:30:00Z', 'Nov 2', 'stated 2025-11-02'],
    ['2026-11-02T04:30:00Z', 'Nov 2 2026', 'future 2026-11-02'],
  ])('at %s: %j → %s', (iso, text, expected) => {
    expect(dayOf(readCompletionDate(text, fixedClock(iso).now(), 'America/New_York'))).toBe(expected);
  });
});

describe('readCompletionDate: Feb 29 without a year', () => {
  it.each([
    ['2028-01-10T12:00:00Z', 'Feb 29', 'stated 2024-02-29'], // 2028's is still ahead: the last one that passed
    ['2028-03-01T12:00:00Z', 'Feb 29', 'stated 2028-02-29'],
    ['2028-03-01T12:00:00Z', 'on 2/29', 'stated 2028-02-29'],
  ])('at %s: %j → %s', (iso, text, expected) => {
    expect(dayOf(readCompletionDate(text, fixedClock(iso).now(), 'UTC'))).toBe(expected);
  });

  it('reads "Feb 29" in a year without one as the last Feb 29, and refuses a day that does not exist', () => {
    expect(readCompletionDate('hospice course 30 min on Feb 29', NOW, LA)).toMatchObject({ kind: 'stated', date: '2024-02-29', text: 'Feb 29' });
    expect(readCompletionDate('hospice course 30 min on Feb 30', NOW, LA)).toEqual({ kind: 'invalid', text: 'Feb 30' });
    expect(readCompletionDate('hospice course 30 min on 2026-02-30', NOW, LA)).toEqual({ kind: 'invalid', text: '2026-02-30' });
  });
});

describe('readDateWords: dates typed in commands (future allowed)', () => {
  it.each([
    ['2026-01-15', '2026-01-15', '2026-01-15'],
    ['  2027-01-15  ', '2027-01-15', '2027-01-15'],
    ['Jan 15 2026', '2026-01-15', '2026-01-15'],
    ['January 15, 2027', '2027-01-15', '2027-01-15'],
    ['1/15/2026', '2026-01-15', '2026-01-15'],
    ['yesterday', '2026-11-25', '2026-11-26'],
    ['today', '2026-11-26', '2026-11-27'],
    ['tomorrow', '2026-11-27', '2026-11-28'],
    ['last night', '2026-11-25', '2026-11-26'],
    ['3 days ago', '2026-11-23', '2026-11-24'],
    ['last Tuesday', '2026-11-24', '2026-11-24'],
    ['Jan 15', '2026-01-15', '2026-01-15'],
  ])('%j → LA %s, Tokyo %s', (text, inLosAngeles, inTokyo) => {
    expect(readDateWords(text, NOW, LA)).toBe(inLosAngeles);
    expect(readDateWords(text, NOW, TOKYO)).toBe(inTokyo);
  });

  it.each(['', 'soon', 'January 2026', '2pm', '1:30 – 3:00 pm ET', '2026-02-30'])('%j → null', (text) => {
    expect(readDateWords(text, NOW, LA)).toBeNull();
  });

  it('reads a month and day without a year as the latest such day for issue and payment dates, the next for expiries', () => {
    expect(readDateWords('Dec 25', NOW, LA)).toBe('2025-12-25');
    expect(readDateWords('Dec 25', NOW, LA, 'future')).toBe('2026-12-25');
    expect(readDateWords('Jan 10', NOW, LA, 'future')).toBe('2027-01-10');
  });
});
