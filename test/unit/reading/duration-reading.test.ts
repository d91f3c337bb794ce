import { describe, expect, it } from 'vitest';
import { readDuration, type DurationCandidate } from '../../../src/reading/duration.ts';

function found(text: string, options?: { bareNumberIsMinutes?: boolean }): DurationCandidate {
  const reading = readDuration(text, options);
  if (reading.kind !== 'found') throw new Error(`expected a duration in ${JSON.stringify(text)}, got ${reading.kind}`);
  return reading.duration;
}

describe('readDuration: one duration per activity (B8)', () => {
  it.each([
    ['watched the 45-minute webinar, took me 1 hour', [45, 60]],
    ['30 or 45 minutes', [30, 45]],
    ['1 or 2 hours', [60, 120]],
    ['two trainings: 30 min and 45 min', [30, 45]],
    ['1 hour 90 minutes', [60, 90]],
    ['Anything greater than 30 minutes and up to 60 minutes', [30, 60]],
    ['the 1:30 – 3:00 pm ET call; I only stayed 45 minutes', [90, 45]],
    ['1.5 hours, or 1 contact hour', [90, 60]],
    ['45 min, 60 min, 45 min', [45, 60]],
  ])('%s → ambiguous %j', (text, minutes) => {
    const reading = readDuration(text);
    expect(reading.kind).toBe('ambiguous');
    if (reading.kind === 'ambiguous') expect(reading.candidates.map((c) => c.minutes)).toEqual(minutes);
  });

  it.each([
    ['60-minute course (60 min)', 60],
    ['1 hour (60 minutes)', 60],
    ['1.5 hours (90 minutes)', 90],
    ['1 hr 15 min (75 min)', 75],
    ['0.1 CEU (1 contact hour)', 60],
    ['0.1 IACET CEU (1 contact hour)', 60],
    ['Contact hours: 1.5 (90 minutes)', 90],
    ['2:00 – 3:00 pm ET (60 minutes)', 60],
  ])('the same value twice is one duration: %s → %s', (text, minutes) => {
    expect(found(text).minutes).toBe(minutes);
  });

  it('keeps the first span when the same value is stated twice', () => {
    const duration = found('1 hour (60 minutes)');
    expect([duration.text, duration.start, duration.end]).toEqual(['1 hour', 0, 6]);
  });
});

describe('readDuration: missing lengths (the bot asks, B22/B23)', () => {
  it.each([
    '',
    '   ',
    'finished the Medicare Parts C and D General Compliance Training',
    'Medicare Billing: 837P and Form CMS-1500 (Web-Based Training)',
    'I got 1 CEU',
    'earned 1.5 credits yesterday',
    'did the MLN course on 11/13',
    'it was long',
    'a few hours',
    'hours and hours',
    '90',
    '45',
    'took forever, maybe 90',
    '1,5 hours',
  ])('%j → missing', (text) => {
    expect(readDuration(text)).toEqual({ kind: 'missing' });
  });
});

describe('readDuration: bareNumberIsMinutes', () => {
  const asAnswer = { bareNumberIsMinutes: true };
  it.each([
    ['45', 45, false],
    ['90', 90, false],
    [' 60 ', 60, false],
    ['30.', 30, false],
    ['0', 0, false],
    ['about 45', 45, true],
    ['~50', 50, true],
    ['forty-five', 45, false],
    ['ninety', 90, false],
    ['45 min', 45, false],
    ['1.5 hours', 90, false],
    ['an hour', 60, false],
  ])('%j → %s minutes (approximate %s)', (text, minutes, approximate) => {
    const duration = found(text, asAnswer);
    expect([duration.minutes, duration.approximate]).toEqual([minutes, approximate]);
  });

  it.each(['1.5', 'CMS-1500', 'it was 45 I think', '45 and 60', 'ICD-10', '2 month'])('%j → missing even as an answer', (text) => {
    expect(readDuration(text, asAnswer).kind).toBe('missing');
  });

  it('is off by default and when false', () => {
    expect(readDuration('45').kind).toBe('missing');
    expect(readDuration('45', { bareNumberIsMinutes: false }).kind).toBe('missing');
  });

  it('reports the span and an explanation for a bare answer', () => {
    const duration = found('  45 ', asAnswer);
    expect([duration.text, duration.start, duration.end]).toEqual(['45', 2, 4]);
    expect(duration.how).toContain('45 minutes');
  });
});

describe('readDuration: span, explanation and approximation', () => {
  const message = 'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday';

  it.each([
    [message, '60 minutes'],
    ['Compliance Training – 1 hr 15 min', '1 hr 15 min'],
    ['Call on Thursday, 1:30 – 3:00 pm ET, registration required', '1:30 – 3:00 pm ET'],
    ['Course (1½ hr)', '1½ hr'],
    ['Course — 2 Hrs.', '2 Hrs.'],
    ['Runtime: 00:55:00', 'Runtime: 00:55:00'],
    ['Contact hours: 1.5', 'Contact hours: 1.5'],
    ['Webinar, about an hour', 'about an hour'],
    ['İSTANBUL İİ webinar – 45 min', '45 min'],
    ['1 ½   hours', '1 ½   hours'],
  ])('%s: the span is %j and cuts out of the original text', (text, span) => {
    const duration = found(text);
    expect(duration.text).toBe(span);
    expect(text.slice(duration.start, duration.end)).toBe(span);
  });

  it.each([
    ['1 hr 15 min', '1 hr 15 min = 60 + 15 = 75 minutes'],
    ['1.5 hours', '1.5 hours × 60 = 90 minutes'],
    ['1:30 – 3:00 pm ET', '1:30 – 3:00 pm is a span of 90 minutes (1:30 pm to 3:00 pm)'],
    ['9:30-12pm', '9:30-12pm is a span of 150 minutes (9:30 am to 12:00 pm)'],
    ['40–50 min', 'range 40–50 min: the lower bound, 40 minutes, counts'],
    ['1-2 hours', 'range 1-2 hours: the lower bound, 1 hour × 60 = 60 minutes, counts'],
    ['0.15 IACET CEUs', '0.15 IACET CEU × 600 = 90 minutes (an IACET CEU is 10 contact hours)'],
    ['1 contact hour', '1 contact hour × 60 = 60 minutes'],
    ['30 min 59 sec', '30 min 59 sec = 30 + 59 s = 30 minutes 59 seconds, rounded down to 30 minutes'],
    ['90 seconds', '90 seconds = 1 minute 30 seconds, rounded down to 1 minute'],
    ['Runtime 00:30:59', 'Runtime 00:30:59 is 0 h 30 min 59 s = 30 minutes 59 seconds, rounded down to 30 minutes'],
    ['0.33 hours', '0.33 hours × 60 = 19 minutes 48 seconds, rounded down to 19 minutes'],
    ['PT1H30M', 'PT1H30M (ISO 8601) = 1 hour + 30 minutes = 90 minutes'],
    ['half an hour', 'half an hour = 30 minutes'],
    ['two-hour', 'two-hour = 2 hours × 60 = 120 minutes'],
  ])('%s: how = %j', (text, how) => {
    expect(found(text).how).toBe(how);
  });

  it.each([
    ['about an hour', 60, 'about an hour'],
    ['approx. 50 min', 50, 'approx. 50 min'],
    ['~40 min', 40, '~40 min'],
    ['around 45 minutes', 45, 'around 45 minutes'],
    ['estimated 40–50 min', 40, 'estimated 40–50 min'],
    ['approximately 1.5 hours', 90, 'approximately 1.5 hours'],
    ['roughly 30 minutes', 30, 'roughly 30 minutes'],
    ['Course (est. 45 min)', 45, 'est. 45 min'],
    ['45 minutes or so', 45, '45 minutes or so'],
    ['Estimated time to complete: 45 minutes', 45, 'Estimated time to complete: 45 minutes'],
    ['over an hour', 60, 'over an hour'],
  ])('%s is approximate: %s minutes from %j', (text, minutes, span) => {
    const duration = found(text);
    expect([duration.minutes, duration.approximate, duration.text]).toEqual([minutes, true, span]);
    expect(duration.how).toContain('approximate');
  });

  it.each(['45 minutes', '1 hour', '1:30 – 3:00 pm ET', '40–50 min'])('%s is not approximate', (text) => {
    expect(found(text).approximate).toBe(false);
  });

  it('marks a repeated value approximate when either statement is', () => {
    expect(found('1 hour (about 60 minutes)').approximate).toBe(true);
  });

  it('returns every different candidate with its own span when ambiguous', () => {
    const text = 'watched the 45-minute webinar, took me 1 hour';
    const reading = readDuration(text);
    if (reading.kind !== 'ambiguous') throw new Error('expected ambiguous');
    expect(reading.candidates.map((c) => [c.text, text.slice(c.start, c.end)])).toEqual([
      ['45-minute', '45-minute'],
      ['1 hour', '1 hour'],
    ]);
  });
});
