import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readDuration } from '../../../src/reading/duration.ts';
import { readTraining } from '../../../src/reading/training-text.ts';

// Issue 10: realistic chat messages, as a scribe types them. Today is Fri Nov 27 2026 in Chicago.
const NOW = DateTime.fromISO('2026-11-27T15:00:00Z', { zone: 'utc' });
const ZONE = 'America/Chicago';

function read(text: string) {
  const reading = readTraining(text, NOW, ZONE);
  const duration = reading.duration;
  return {
    title: reading.title,
    kind: reading.kind,
    minutes: duration.kind === 'found' ? duration.duration.minutes : duration.kind === 'ambiguous' ? duration.candidates.map((c) => c.minutes) : null,
    date: reading.date.kind === 'stated' || reading.date.kind === 'defaulted' ? reading.date.date : `${reading.date.kind}: ${reading.date.text}`,
  };
}

describe('clean titles: the issue’s messages, verbatim', () => {
  it.each([
    ["✅ done with 'Medicare Parts A & B Appeals Process' WBT 🎉", 'Medicare Parts A & B Appeals Process', 'wbt', null, '2026-11-27'],
    ['NPC on ESRD Quality Incentive Program from 2:00 to 3:30 pm ET yesterday', 'NPC on ESRD Quality Incentive Program', 'npc', 90, '2026-11-26'],
    ['webinar on Chronic Care Management, took me 50 min with breaks', 'webinar on Chronic Care Management', 'webinar', 50, '2026-11-27'],
    // A length that is part of an MLN title's own (quoted) text stays in the title; the length is shown apart.
    ['"Medicare Billing: 837P and Form CMS-1500 (60 minutes)" WBT', 'Medicare Billing: 837P and Form CMS-1500 (60 minutes)', 'wbt', 60, '2026-11-27'],
    ['Medicare Billing: 837P and Form CMS-1500 (60 minutes) WBT', 'Medicare Billing: 837P and Form CMS-1500 WBT', 'wbt', 60, '2026-11-27'],
    ['attended AHIMA coding seminar, 60 min, last week', 'AHIMA coding seminar', 'event', 60, '2026-11-20'],
  ])('%j → %j (%s, %j min, %s)', (text, title, kind, minutes, date) => {
    expect(read(text)).toEqual({ title, kind, minutes, date });
  });
});

describe('clean titles: quotes, filler and emoji', () => {
  it.each([
    ["finished ‘Hospice Benefit Basics’ 45 min", 'Hospice Benefit Basics'],
    ["here's Dana's 'Telehealth Services' course, 30 min", 'Telehealth Services'],
    ['did “Chronic Care Management Services” 🙌 1 hr yesterday', 'Chronic Care Management Services'],
    ['Finished the MLN course on billing, took me about 45 min I think 😅', 'MLN course on billing'],
    ["I'm done with the MLN webinar on ESRD 45 min", 'MLN webinar on ESRD'],
    ['MLN webinar on billing took 45 min, maybe 50', 'MLN webinar on billing'],
    ['MLN webinar on billing 45 min (maybe 50)', 'MLN webinar on billing'],
    ['MLN webinar on billing took 45 min, probably 50 yesterday', 'MLN webinar on billing'],
    ['MLN webinar on billing took 45 min, 50 tops', 'MLN webinar on billing'],
    ['Medicare Learning Network® web-based training: Hospice Benefit, 1 hour', 'Medicare Learning Network® web-based training: Hospice Benefit'],
  ])('%j → %j', (text, title) => {
    expect(read(text).title).toBe(title);
  });
});

describe('kinds: a typo in the kind word still finds it', () => {
  it.each([
    ['webnar on telehealth 45 min', 'webinar'],
    ['MLN webiner: Skilled Nursing Facility, 1 hr', 'webinar'],
    ['wbinar about hospice 30 min', 'webinar'],
  ])('%j → %s', (text, kind) => {
    expect(read(text).kind).toBe(kind);
  });
});

describe('lengths and dates in chat', () => {
  it.each([
    // A period that names no day is asked about, never replaced by today.
    ['log "Course A" 2.5 hrs last month', 150, 'vague: last month'],
    ['MLN webinar on hospice, 1 hr, earlier this month', 60, 'vague: earlier this month'],
    ['MLN course on billing 45 min a few weeks ago', 45, 'vague: a few weeks ago'],
    // "maybe 50" is a second length to ask about, not "May 50".
    ['MLN webinar on billing took 45 min, maybe 50', [45, 50], '2026-11-27'],
    ['MLN call 1 hour or 2', [60, 120], '2026-11-27'],
    // Two different lengths with a hedge: asked about, never the first taken (leftovers 7/10).
    ['took 45 min, maybe 50', [45, 50], '2026-11-27'],
    ['MLN course took 45 min, probably 50', [45, 50], '2026-11-27'],
    ['MLN course took 45 min or so, maybe 50', [45, 50], '2026-11-27'],
    ['MLN course 45 min (maybe 50)', [45, 50], '2026-11-27'],
    ['MLN course 45 min? maybe 50', [45, 50], '2026-11-27'],
    ['MLN course 45 min - maybe 50', [45, 50], '2026-11-27'],
    ['MLN course took 45 min... maybe 50', [45, 50], '2026-11-27'],
    ['MLN course took about 45 min, could have been 50', [45, 50], '2026-11-27'],
    ['MLN course took 45 min, I think 50', [45, 50], '2026-11-27'],
    ['MLN course took 45 min, not sure, maybe 50', [45, 50], '2026-11-27'],
    ['MLN course took 45 min, 50 tops', [45, 50], '2026-11-27'],
    ['MLN course took 45 mins, possibly 55', [45, 55], '2026-11-27'],
    ['MLN course took 45 min, maybe 50 yesterday', [45, 50], '2026-11-26'],
    ['MLN course took 45 min, maybe an hour', [45, 60], '2026-11-27'],
    // The same length twice is no question; a count that is not a length is no second guess.
    ['MLN course took 45 min, maybe 45', 45, '2026-11-27'],
    ['MLN course took 45 min, maybe 50 people came', 45, '2026-11-27'],
    ['MLN webinar, 60 min, maybe 2 CE', 60, '2026-11-27'],
    ['MLN course "Hospice Basics" 0.1 CEU yesterday', 60, '2026-11-26'],
  ])('%j → %j min, %s', (text, minutes, date) => {
    const { minutes: m, date: d } = read(text);
    expect({ m, d }).toEqual({ m: minutes, d: date });
  });
});

describe('answers to “how long was it?”', () => {
  it.each([
    ['29:59', 29],
    ['45:00', 45],
    ['1:30', 90],
    ['0:45', 45],
    ['1:15:00', 75],
    ['0.1 CEU', 60],
    ['0.15 IACET CEUs', 90],
  ])('%j → %i min', (text, minutes) => {
    const reading = readDuration(text, { bareNumberIsMinutes: true });
    expect(reading.kind === 'found' ? reading.duration.minutes : reading.kind).toBe(minutes);
  });

  it('says how a clock answer and a CEU count became minutes', () => {
    const clock = readDuration('29:59', { bareNumberIsMinutes: true });
    expect(clock.kind === 'found' && clock.duration.how).toBe('29:59, the answer to “how long was it?”, is 29 min 59 s, rounded down to 29 minutes');
    const ceu = readDuration('0.1 CEU');
    expect(ceu.kind === 'found' && ceu.duration.how).toBe('0.1 CEU = 0.1 IACET CEU × 600 = 60 minutes (a CEU below 1 is an IACET CEU: 10 contact hours)');
  });

  it('does not read a clock time in a message as a length without a question', () => {
    expect(readDuration('29:59').kind).toBe('missing');
  });
});

// The review of issue 10 (docs/reviews/issue-10-review.md): messages a scribe types that the issue did not list.
describe('review variants: other MLN titles, lengths and dates', () => {
  it.each([
    ['finished MLN Connects call on Medicare Diabetes Prevention, 1h15, yesterday', 'MLN Connects call on Medicare Diabetes Prevention', 'npc', 75, '2026-11-26'],
    ['did the MLN WBT "Hospice Basics" an hour and a half on 11/3', 'Hospice Basics', 'wbt', 90, '2026-11-03'],
    ['watched MLN webinar on ICD-10 coding 90 mins last Tuesday', 'MLN webinar on ICD-10 coding', 'webinar', 90, '2026-11-24'],
    ['completed "Evaluation & Management Services" MLN web-based training, 1.5 hrs, Nov 20', 'Evaluation & Management Services', 'wbt', 90, '2026-11-20'],
    ["took the MLN course 'Medicare Preventive Services' 1 hr 15 min on Monday", 'Medicare Preventive Services', 'wbt', 75, '2026-11-23'],
    ['MLN WBT "Rural Health Clinic" 2 hours 30 minutes on Nov 1', 'Rural Health Clinic', 'wbt', 150, '2026-11-01'],
    // A misspelt "yesterday" is yesterday, never today by default.
    ['mln webinar "Telehealth" 45min yestreday', 'Telehealth', 'webinar', 45, '2026-11-26'],
    ['MLN webinar yesterdy 45 min', 'MLN webinar', 'webinar', 45, '2026-11-26'],
    ['MLN webinar on hospice yday, 30 min', 'MLN webinar on hospice', 'webinar', 30, '2026-11-26'],
    // A future day's words are not left in the title (the date itself is refused).
    ['MLN webinar 90 min tomorrow', 'MLN webinar', 'webinar', 90, 'future: tomorrow'],
    ['MLN webinar 90 min on Dec 30, 2027', 'MLN webinar', 'webinar', 90, 'future: Dec 30, 2027'],
    // "yesterday's" and a title's "Yesterdays" are not a misspelt day.
    ['"Yesterdays Rules" MLN webinar 45 min', 'Yesterdays Rules', 'webinar', 45, '2026-11-27'],
  ])('%j → %j (%s, %j min, %s)', (text, title, kind, minutes, date) => {
    expect(read(text)).toEqual({ title, kind, minutes, date });
  });
});
