import { describe, expect, it } from 'vitest';
import { readDuration } from '../../../src/reading/duration.ts';

/** The minutes read, or the reading's kind when nothing single was found. */
function minutesIn(text: string): number | string {
  const reading = readDuration(text);
  if (reading.kind === 'found') return reading.duration.minutes;
  if (reading.kind === 'missing') return 'missing';
  return `ambiguous ${reading.candidates.map((c) => c.minutes).join('/')}`;
}

describe('readDuration: minutes', () => {
  it.each([
    ['45 min', 45],
    ['45 mins', 45],
    ['45 minutes', 45],
    ['45m', 45],
    ['45MIN', 45],
    ['90min', 90],
    ['(30-min)', 30],
    ['60-minute course', 60],
    ['75 minute call', 75],
    ['Ninety-Minute Webinar', 90],
    ['45 mn', 45],
    ['45 min.', 45],
    ['1 minute', 1],
    ['7.5 minutes', 7],
    ['The 20-Minute Medicare Overview', 20],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: hours (1 hour = 60 minutes, never a 50-minute hour)', () => {
  it.each([
    ['1 hour', 60],
    ['1 hr', 60],
    ['1 Hr', 60],
    ['2 hrs', 120],
    ['2 Hrs.', 120],
    ['1h', 60],
    ['2h', 120],
    ['1.5 hours', 90],
    ['1.25 hrs', 75],
    ['.5 hr', 30],
    ['0.75 hour', 45],
    ['1.0 hour', 60],
    ['1.5-hour call', 90],
    ['two-hour', 120],
    ['Two-Hour Workshop', 120],
    ['hour-long webinar', 60],
    ['an hour', 60],
    ['one hour', 60],
    ['a hour', 60],
    ['an hour-long webinar', 60],
    ['a two-hour-long session', 120],
    ['0.33 hours', 19],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: compounds are one duration', () => {
  it.each([
    ['1 hour 15 minutes', 75],
    ['1 hr 30 min', 90],
    ['1 hr. 30 min.', 90],
    ['1h30', 90],
    ['1h15', 75],
    ['1hr30min', 90],
    ['1 h 45 m', 105],
    ['2h1m', 121],
    ['1 hour and 15 minutes', 75],
    ['1 hour, 15 minutes', 75],
    ['one hour fifteen minutes', 75],
    ['an hour and 15 minutes', 75],
    ['2 hours 1 minute 30 seconds', 121],
    ['took 1 hour 30', 90],
    ['it took 1h30.', 90],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: number words and fractions', () => {
  it.each([
    ['forty-five minutes', 45],
    ['forty five minutes', 45],
    ['ninety minutes', 90],
    ['twenty minutes', 20],
    ['fifteen minutes', 15],
    ['one hundred twenty minutes', 120],
    ['one hundred and twenty minutes', 120],
    ['zero minutes', 0],
    ['half an hour', 30],
    ['half hour', 30],
    ['a half hour', 30],
    ['half-hour session', 30],
    ['an hour and a half', 90],
    ['two hours and a half', 150],
    ['one and a half hours', 90],
    ['1 and a half hours', 90],
    ['a quarter of an hour', 15],
    ['three quarters of an hour', 45],
    ['an hour and a quarter', 75],
    ['1 1/2 hours', 90],
    ['1-1/2 hours', 90],
    ['1½ hr', 90],
    ['1 ½ hours', 90],
    ['¾ hour', 45],
    ['1/2 hour', 30],
    ['1/3 hour', 20],
    ['3/4 of an hour', 45],
    ['1/2 of an hour', 30],
    ['3 1/2 hrs', 210],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: clock-style lengths need a cue', () => {
  it.each([
    ['(1:30)', 90],
    ['Compliance Refresher (1:15)', 75],
    ['ran 1:15', 75],
    ['the call ran 1:30', 90],
    ['Length 0:45', 45],
    ['Length: 1:00', 60],
    ['Runtime: 00:55:00', 55],
    ['Run time 1:05', 65],
    ['Duration: 01:30:00', 90],
    ['Runtime 00:30:59', 30],
    ['lasted 0:50', 50],
    ['took me 1:10', 70],
    ['1:31 length', 91],
    ['1:30 hours', 90],
    ['at 2:30', 'missing'],
    ['2:30', 'missing'],
    ['10:00:00', 'missing'],
    ['took 1:30 pm', 'missing'],
    ['ran 45:00', 'missing'],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: clock ranges give their span', () => {
  it.each([
    ['1:30–3:00 pm ET', 90],
    ['1:30 – 3:00 pm ET', 90],
    ['2:00 to 3:30 p.m. ET', 90],
    ['1:30 to 3pm', 90],
    ['2-3:30pm', 90],
    ['14:00–15:30 ET', 90],
    ['2:00 – 3:00 pm ET', 60],
    ['2:00 — 4:00 PM EST', 120],
    ['9:30-12pm', 150],
    ['11:30-1pm', 90],
    ['10am-12pm', 120],
    ['10 am to noon', 120],
    ['10 am to 12 noon', 120],
    ['2pm until 3:30', 90],
    ['1 till 2:30 pm', 90],
    ['12-1pm', 60],
    ['11am-1', 120],
    ['11pm-1am', 120],
    ['10 to midnight', 120],
    ['MLN Connects Call: Hospice Updates, March 10, 2:00 – 3:30 pm ET', 90],
    ['2pm', 'missing'],
    ['at 2:30 pm ET', 'missing'],
    ['2-3', 'missing'],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: CE wording', () => {
  it.each([
    ['1 contact hour', 60],
    ['2 contact hours', 120],
    ['Contact hours: 1.5', 90],
    ['Contact Hours: 1.0', 60],
    ['1 contact hour 0.1 CEU', 60],
    ['CE hours 2026 requirements', 'missing'],
    ['1.5 CE hours', 90],
    ['1.5 CME hours', 90],
    ['0.1 CEU (1 contact hour)', 60],
    ['0.15 IACET CEUs', 90],
    ['0.1 IACET CEU', 60],
    ['IACET CEUs: 0.2', 120],
    ['0.1 IACET CEU (1 contact hour)', 60],
    ['60 contact minutes', 60],
    ['Certificate: 1.0 Contact Hour(s)', 60],
    ['1 CEU', 'missing'],
    ['I got 1 CEU', 'missing'],
    ['1.5 credits', 'missing'],
    ['0.75 credits', 'missing'],
    // A CEU count below 1 can only be IACET's (issue 10): 0.1 × 600 = 60 minutes.
    ['0.1 CEU', 60],
    ['0.25 CEUs', 150],
    ['.1 CEU', 60],
    ['1.5 CEU', 'missing'],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: ISO 8601 (SCORM typical learning time)', () => {
  it.each([
    ['PT45M', 45],
    ['PT1H30M', 90],
    ['PT1H', 60],
    ['PT90S', 1],
    ['typicalLearningTime: PT0H50M0S', 50],
    ['PT', 'missing'],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: ranges count their lower bound', () => {
  it.each([
    ['40–50 min', 40],
    ['40-50 min', 40],
    ['40 to 50 minutes', 40],
    ['1-2 hours', 60],
    ['1 to 1.5 hours', 60],
    ['45 minutes to 1 hour', 45],
    ['between 40 and 50 minutes', 40],
    ['estimated 40–50 min', 40],
    ['thirty to forty-five minutes', 30],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: seconds round down, large values stay readings', () => {
  it.each([
    ['30 min 59 sec', 30],
    ['90 seconds', 1],
    ['45 seconds', 0],
    ['0 min', 0],
    ['59 secs', 0],
    ['3 hours', 180],
    ['150 minutes', 150],
    ['4 hrs', 240],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: unit tokens need a word boundary', () => {
  it.each([
    ['2 month', 'missing'],
    ['45 meet', 'missing'],
    ['1ms', 'missing'],
    ['the 1990s', 'missing'],
    ['8 minimum', 'missing'],
    ['hourly rounds', 'missing'],
    ['3 mo', 'missing'],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('readDuration: exact arithmetic (floating point would round these down wrongly)', () => {
  it.each([
    ['2.05 hours', 123],
    ['4.1 hours', 246],
    ['8.45 hours', 507],
    ['0.205 IACET CEU', 123],
    ['0.57 IACET CEUs', 342],
    ['0.35 hours', 21],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});
