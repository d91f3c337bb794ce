import { describe, expect, it } from 'vitest';
import { readDuration } from '../../../src/reading/duration.ts';
import { STOP_PATTERNS } from '../../../src/reading/duration/distractors.ts';

function minutesIn(text: string): number | string {
  const reading = readDuration(text);
  if (reading.kind === 'found') return reading.duration.minutes;
  if (reading.kind === 'missing') return 'missing';
  return `ambiguous ${reading.candidates.map((c) => c.minutes).join('/')}`;
}

/** domain.md §2.4: numbers (some with real time units) that are never the training's length. */
const DISTRACTORS: readonly string[] = [
  // Billing rules with time units.
  '8-Minute Rule',
  '8 minute rule',
  'the eight-minute rule',
  'the first 20 minutes of clinical staff time',
  'each additional 15 minutes',
  'additional 30 minutes',
  'per 15 minutes',
  'every 15 minutes',
  '15-minute increments',
  'in 15 minute units',
  '90834 (45 min)',
  '99417 (each 15 min)',
  'G0438 (30 min)',
  '45 min (90834)',
  '8-hour minimum in a 24-hour day',
  'minimum of 8 hours',
  '24-hour',
  '24 hours a day',
  '24/7',
  'Two-Midnight Rule',
  '2-midnight benchmark',
  '3-Day Rule',
  '60-Day',
  '90-day global period',
  '10-day global',
  '7-/14-day TCM follow-up',
  // Requirement and background statements.
  '3 CME hours a year',
  '3 hours of CME annually',
  '3 CE hours per year',
  '3 hours of Continuing Medical Education annually',
  '3 hours of CME in one-year time',
  '3 contact hours each year',
  '200 hours of unassisted documentation',
  '200 hours of documentation experience',
  '50-hour clinical training program',
  '50 hour training program',
  // Money, scores, ids, codes, dates and clock times.
  '$85',
  '85%',
  '3rd try',
  'Year 10',
  'CY 2026',
  'FY 2026',
  'UB-04',
  'FL 42-49',
  'Item 24',
  'Z55–Z65',
  'modifier 25',
  'modifier -59',
  'Section 1135',
  'ICD-10',
  'ICD-10-CM',
  'CMS-1500',
  'CMS-1450',
  'CMS-855I',
  '837P',
  '837I',
  'CPT 99213',
  '90834',
  'G2211',
  'Medicare 101',
  'Top 10',
  'Part B',
  'Part 2',
  'Chapter 19',
  '2026 Physician Fee Schedule',
  'MLN006976',
  'MM13452',
  'SE20011',
  '42 CFR 424.507',
  '11/13',
  '9/30/2025',
  '2026-02-12',
  'March 10',
  'at 2:30',
  '2pm',
  // Points in time.
  'finished the MLN course an hour ago',
  '30 minutes later',
  'a few hours later',
];

describe('readDuration: distractors alone are never a duration', () => {
  it.each(DISTRACTORS)('%s → missing', (text) => {
    expect(minutesIn(text)).toBe('missing');
  });
});

describe('readDuration: distractors next to a real duration, the real one wins', () => {
  it.each([
    ['Outpatient Therapy and the 8-Minute Rule (45 minutes)', 45],
    ['ICD-10-CM Coding for Z55–Z65 SDOH, 2026 update – 1.5 hours', 90],
    ['Psychotherapy codes 90832 (30 min), 90834 (45 min), 90837 (60 min) — 1 hour webinar', 60],
    ['Chronic Care Management: the first 20 minutes of clinical staff time (30 min)', 30],
    ['Prolonged Services: each additional 15 minutes, 1 hour webinar', 60],
    ['Prolonged services 99417 (each 15 min) – 45 minutes', 45],
    ['Therapy billing in 15-minute increments, 1.5-hour call', 90],
    ['Hospice Continuous Home Care: 8-hour minimum in a 24-hour day (60 minutes)', 60],
    ['Hospital Inpatient Admission: Two-Midnight Rule, 2:00 – 3:30 pm ET', 90],
    ['SNF 3-Day Rule Billing – 45 min', 45],
    ['Home Health 60-Day Episode (90 minutes)', 90],
    ['Global Surgery: 90-day and 10-day global periods – 1 hr', 60],
    ['TCM 7-/14-day follow-up (30-min)', 30],
    ['I need 3 CME hours a year and just did a 1 hour webinar', 60],
    ['I have 200 hours of unassisted documentation; this one was 45 min', 45],
    ['finished a 50-hour clinical training program years ago, today a 30 minute WBT', 30],
    ['Paid the $85 fee, passed with 85% on the 3rd try, course was 1 hour', 60],
    ['Medicare 101 – 2 hours', 120],
    ['Top 10 Billing Errors - 30 min', 30],
    ['Chapter 19 – 45 minutes', 45],
    ['CY 2026 Physician Fee Schedule Final Rule: 90-minute call', 90],
    ['FY 2026 IPPS Overview (1 hr 15 min)', 75],
    ['UB-04 FL 42-49 Item 24 – 45 min', 45],
    ['Modifier 25 and modifier -59, 1 hour', 60],
    ['Section 1135 Waivers, forty-five minutes', 45],
    ['MLN006976 Medicare Billing booklet, 30 minutes', 30],
    ['MLN Matters MM13452 – 1.5 hrs', 90],
    ['42 CFR 424.507 Ordering and Certifying – 1h', 60],
    ['CPT 99213 vs 99214 documentation, 60-minute course', 60],
    ['HCPCS G2211 Add-on Code (1:30)', 90],
    ['completed 11/13 at 2:30, it took 1 hour', 60],
    ['on 9/30/2025 I watched the 45-minute webinar', 45],
    ['2026-02-12 MLN Connects Call – 1 hr', 60],
    ['Medicare Part B: 2-hour training', 120],
    ['Medicare 2-hour workshop', 120],
    ['Part 2: 45 min', 45],
    ['Year 10 review, 45 minutes', 45],
    ['Medicare Billing: 837P and Form CMS-1500 (Web-Based Training)', 'missing'],
    ['Medicare Billing: 837P and Form CMS-1500 (60 minutes)', 60],
    ['Psychotherapy codes 90832 (30 min), 90834 (45 min), 90837 (60 min)', 'missing'],
    ['Outpatient Therapy and the 8-Minute Rule', 'missing'],
    ['CMS 2026 Physician Fee Schedule Final Rule (Web-Based Training)', 'missing'],
    ['2 month subscription, 45 min course', 45],
    ['did the 45 min WBT 2 hours ago', 45],
    ['my first 30-minute course', 30],
    ['CCM: first 20 minutes of clinical staff time, 30 min', 30],
  ])('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});

describe('the stop list', () => {
  it('is a table of uniquely named patterns', () => {
    const names = STOP_PATTERNS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['eight-minute-rule', 'each-additional', 'code-descriptor', 'yearly-requirement']));
  });
});
