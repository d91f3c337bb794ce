import { describe, expect, it } from 'vitest';
import type { ActivityKind } from '../../../src/domain/activity-kind.ts';
import { readActivityKind, readRegistration } from '../../../src/reading/activity-kind.ts';
import { readTitle } from '../../../src/reading/title.ts';
import { readTraining, type TrainingReading } from '../../../src/reading/training-text.ts';
import { fixedClock } from '../../fakes/fixed-clock.ts';

/** Friday 2026-11-27, 09:00 in Chicago. */
const NOW = fixedClock('2026-11-27T15:00:00Z').now();
const ZONE = 'America/Chicago';

describe('readActivityKind', () => {
  it.each<readonly [string, ActivityKind]>([
    ['Medicare Billing: 837P and Form CMS-1500 (Web-Based Training)', 'wbt'],
    ['finished the MLN web based training on hospice', 'wbt'],
    ['did the compliance WBT', 'wbt'],
    ['an e-learning module on E/M', 'wbt'],
    ['the online course about telehealth', 'wbt'],
    ['took the hospice course', 'wbt'],
    ['National Provider Call: Hospital Value-Based Purchasing', 'npc'],
    ['MLN Connects National Provider Call: ESRD QIP', 'npc'],
    ['MLN Connects Call: Medicare Diabetes Prevention Program', 'npc'],
    ['the NPC on the 2026 fee schedule', 'npc'],
    ['a CMS listening session on prior authorization', 'npc'],
    ['joined the MLN call on hospice', 'npc'],
    ['National Provider Call webinar: Hospice', 'npc'],
    ['watched the MLN webinar on telehealth billing', 'webinar'],
    ['MLN Connects Webinar: Skilled Nursing Facility', 'webinar'],
    ['a CMS webcast about the 8-Minute Rule', 'webinar'],
    ['went to the ACMSS workshop', 'event'],
    ['CMS regional conference', 'event'],
    ['attended an in-person training', 'event'],
    ['Medicare Parts C and D General Compliance Training', 'other'],
  ])('%j → %s', (text, kind) => {
    expect(readActivityKind(text)).toEqual({ kind, stated: kind !== 'other' });
  });
});

describe('readRegistration (NPCs earn credit only with MLN registration, B18)', () => {
  it.each<readonly [string, boolean | null]>([
    ['registered through MLN', true],
    ['I registered for the call', true],
    ['with MLN registration', true],
    ['with registration', true],
    ['did not register', false],
    ["didn't register", false],
    ['didnt register', false],
    ['not registered', false],
    ['never registered', false],
    ['unregistered call', false],
    ['without registration', false],
    ["haven't registered yet", false],
    ['have not registered', false],
    ['not yet registered', false],
    ['forgot to register', false],
    ['no registration', false],
    ['National Provider Call: Hospice', null],
    ['the MLN registration site was down', null],
  ])('%j → %s', (text, registered) => {
    expect(readRegistration(text)).toBe(registered);
  });
});

describe('readTitle', () => {
  it.each([
    ['finished "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday', 'Medicare Billing: 837P and Form CMS-1500 (60 minutes)'],
    ['completed “Hospice Benefit”', 'Hospice Benefit'],
    ['completed ‘Evaluation and Management Services’ today', 'Evaluation and Management Services'],
    ['did "  Telehealth   Billing  "', 'Telehealth Billing'],
  ])('takes the quoted part as it is: %j → %j', (text, title) => {
    expect(readTitle(text, [])).toBe(title);
  });

  it('cuts the spans already read and the lead-in, then tidies what is left', () => {
    const text = 'I just finished the hospice course yesterday, 45 min';
    const spans = [
      { start: text.indexOf('yesterday'), end: text.indexOf('yesterday') + 9 },
      { start: text.indexOf('45 min'), end: text.indexOf('45 min') + 6 },
    ];
    expect(readTitle(text, spans)).toBe('hospice course');
  });

  it('cuts overlapping spans once (a date that holds the clock range of the length)', () => {
    const text = 'attended National Provider Call: Hospice on Nov 3, 1:30 – 3:00 pm ET';
    const date = { start: text.indexOf('Nov 3'), end: text.length };
    const length = { start: text.indexOf('1:30'), end: text.length };
    expect(readTitle(text, [length, date])).toBe('National Provider Call: Hospice');
    expect(readTitle(text, [date, length])).toBe('National Provider Call: Hospice');
  });

  it('cuts a span that lies inside another one', () => {
    const text = 'watched Telehealth Billing (on Nov 3 for 45 min) today';
    const outer = { start: text.indexOf('(on'), end: text.indexOf(')') + 1 };
    const inner = { start: text.indexOf('45 min'), end: text.indexOf('45 min') + 6 };
    expect(readTitle(text, [outer, inner])).toBe('Telehealth Billing today');
  });

  it.each([
    ['yesterday', [{ start: 0, end: 9 }]],
    ['did 45 min', [{ start: 4, end: 10 }]],
    ['finished it', []],
    ['ok', []],
    ['"🎉"', []],
    ['"..."', []],
  ])('is null when too little is left: %j', (text, spans) => {
    expect(readTitle(text, spans)).toBeNull();
  });

  // The review of issue 10: what the person quoted is their title however short; the title rule then refuses it by name.
  it.each([
    ['log "X" 30 min yesterday', 'X'],
    ['"ab"', 'ab'],
    ['“E/M” webinar 45 min', 'E/M'],
    ['‘Q’ 30 min', 'Q'],
    ['"123" 30 min', '123'],
  ])('a short quoted title is read: %j → %j', (text, title) => {
    expect(readTitle(text, [])).toBe(title);
  });
});

/** The parts of a reading a person would check in the echo. */
function summary(reading: TrainingReading) {
  return {
    title: reading.title,
    kind: reading.kind,
    minutes: reading.duration.kind === 'found' ? reading.duration.duration.minutes : reading.duration.kind,
    date: reading.date.kind === 'invalid' || reading.date.kind === 'vague' ? `${reading.date.kind} ${reading.date.text}` : `${reading.date.kind} ${reading.date.date}`,
    registered: reading.registered,
  };
}

describe('readTraining: realistic messages', () => {
  it.each([
    [
      'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday',
      { title: 'Medicare Billing: 837P and Form CMS-1500 (60 minutes)', kind: 'wbt', minutes: 60, date: 'stated 2026-11-26', registered: null },
    ],
    [
      'finished the MLN web-based training Medicare Billing: 837P and Form CMS-1500 (60 minutes) yesterday',
      { title: 'MLN web-based training Medicare Billing: 837P and Form CMS-1500', kind: 'wbt', minutes: 60, date: 'stated 2026-11-26', registered: null },
    ],
    [
      '"Medicare Billing: 837P and Form CMS-1500 (Web-Based Training)"',
      { title: 'Medicare Billing: 837P and Form CMS-1500 (Web-Based Training)', kind: 'wbt', minutes: 'missing', date: 'defaulted 2026-11-27', registered: null },
    ],
    [
      'watched the MLN webinar on telehealth billing yesterday, 45 min',
      { title: 'MLN webinar on telehealth billing', kind: 'webinar', minutes: 45, date: 'stated 2026-11-26', registered: null },
    ],
    [
      'I attended the National Provider Call: Hospital Value-Based Purchasing on Nov 3, 1:30 – 3:00 pm ET, registered through MLN',
      { title: 'National Provider Call: Hospital Value-Based Purchasing', kind: 'npc', minutes: 90, date: 'stated 2026-11-03', registered: true },
    ],
    [
      'MLN Connects Call: Medicare Diabetes Prevention Program 2:00 to 3:30 p.m. ET, did not register',
      { title: 'MLN Connects Call: Medicare Diabetes Prevention Program', kind: 'npc', minutes: 90, date: 'defaulted 2026-11-27', registered: false },
    ],
    [
      'listened to the NPC on the 2026 physician fee schedule without registration, 2 hours',
      { title: 'NPC on the 2026 physician fee schedule', kind: 'npc', minutes: 120, date: 'defaulted 2026-11-27', registered: false },
    ],
    [
      'did the 90-minute MLN Connects National Provider Call on hospice yesterday',
      { title: 'MLN Connects National Provider Call on hospice', kind: 'npc', minutes: 90, date: 'stated 2026-11-26', registered: null },
    ],
    [
      'just completed “Medicare Parts C and D General Compliance Training” (30 min) today',
      { title: 'Medicare Parts C and D General Compliance Training', kind: 'other', minutes: 30, date: 'stated 2026-11-27', registered: null },
    ],
    [
      'Completed ‘Evaluation and Management Services’ 1.5 hours on 11/13',
      { title: 'Evaluation and Management Services', kind: 'other', minutes: 90, date: 'stated 2026-11-13', registered: null },
    ],
    [
      'Medicare Learning Network® web-based training: Hospice Benefit, 1 hour, 2026-02-12',
      { title: 'Medicare Learning Network® web-based training: Hospice Benefit', kind: 'wbt', minutes: 60, date: 'stated 2026-02-12', registered: null },
    ],
    [
      'went to the ACMSS workshop last Tuesday for 2 hrs',
      { title: 'ACMSS workshop', kind: 'event', minutes: 120, date: 'stated 2026-11-24', registered: null },
    ],
    [
      'finished the hospice course on Monday, took 45 min',
      { title: 'hospice course', kind: 'wbt', minutes: 45, date: 'stated 2026-11-23', registered: null },
    ],
    [
      'Did a webcast about the 8-Minute Rule, 30 minutes, last Friday',
      { title: 'a webcast about the 8-Minute Rule', kind: 'webinar', minutes: 30, date: 'stated 2026-11-20', registered: null },
    ],
    [
      'Web-Based Training Course, January 2019: Medicare Parts C and D Fraud, Waste, and Abuse Training (1 hour)',
      {
        title: 'Web-Based Training Course, January 2019: Medicare Parts C and D Fraud, Waste, and Abuse Training',
        kind: 'wbt',
        minutes: 60,
        date: 'defaulted 2026-11-27',
        registered: null,
      },
    ],
    ['yesterday 45 min', { title: null, kind: 'other', minutes: 45, date: 'stated 2026-11-26', registered: null }],
    ['finished it yesterday', { title: null, kind: 'other', minutes: 'missing', date: 'stated 2026-11-26', registered: null }],
    ['took 2 hours', { title: null, kind: 'other', minutes: 120, date: 'defaulted 2026-11-27', registered: null }],
  ])('%j', (text, expected) => {
    expect(summary(readTraining(text, NOW, ZONE))).toEqual(expected);
  });

  it('keeps the whole text and says whether the kind was stated', () => {
    const text = 'watched the MLN webinar on telehealth billing yesterday, 45 min';
    const reading = readTraining(text, NOW, ZONE);
    expect(reading.text).toBe(text);
    expect(reading.kindStated).toBe(true);
    expect(readTraining('"Hospice Benefit" 30 min', NOW, ZONE).kindStated).toBe(false);
  });

  it('reports both lengths when a message has two, and cuts both from the title', () => {
    const reading = readTraining('hospice course 45 min, maybe 1 hour', NOW, ZONE);
    expect(reading.duration.kind).toBe('ambiguous');
    if (reading.duration.kind !== 'ambiguous') return;
    expect(reading.duration.candidates.map((c) => c.minutes)).toEqual([45, 60]);
    expect(reading.title).toBe('hospice course');
  });

  it('takes the date outside the quoted title, and the one inside only when there is no other', () => {
    const title = 'National Provider Call: Hospice, Nov 3, 2026';
    expect(summary(readTraining(`listened to "${title}" yesterday, 1 hour, registered`, NOW, ZONE))).toEqual({
      title,
      kind: 'npc',
      minutes: 60,
      date: 'stated 2026-11-26',
      registered: true,
    });
    expect(summary(readTraining(`listened to "${title}", 1 hour`, NOW, ZONE)).date).toBe('stated 2026-11-03');
  });

  it('reads "yesterday" in the person’s zone, not UTC', () => {
    const lateEvening = fixedClock('2026-11-27T03:30:00Z').now(); // Thu 19:30 in Los Angeles, Fri 12:30 in Tokyo
    expect(readTraining('hospice course yesterday, 30 min', lateEvening, 'America/Los_Angeles').date).toMatchObject({ date: '2026-11-25' });
    expect(readTraining('hospice course yesterday, 30 min', lateEvening, 'Asia/Tokyo').date).toMatchObject({ date: '2026-11-26' });
  });

  it('does not take a clock range for a completion day', () => {
    const reading = readTraining('National Provider Call: Hospice 1:30 – 3:00 pm ET', NOW, ZONE);
    expect(summary(reading)).toEqual({ title: 'National Provider Call: Hospice', kind: 'npc', minutes: 90, date: 'defaulted 2026-11-27', registered: null });
  });
});
