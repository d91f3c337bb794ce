import { describe, expect, it } from 'vitest';
import { CMSS_RULES, type CredentialRules } from '../../../src/domain/credential-rules.ts';
import { MAX_TRAINING_TEXT } from '../../../src/reading/training-text.ts';
import { explainText } from '../../../src/use-cases/explain-text.ts';
import { fixedClock } from '../../fakes/fixed-clock.ts';

/** Friday 2026-11-27, 10:00 in New York. */
const NOW = fixedClock('2026-11-27T15:00:00Z').now();
const ZONE = 'America/New_York';

describe('explainText (the `recert parse` command): nothing is stored, everything is explained', () => {
  it('explains a found length: minutes, CE, index and the arithmetic', () => {
    const text = 'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday';
    expect(explainText(text, NOW, ZONE)).toEqual({
      text,
      title: 'Medicare Billing: 837P and Form CMS-1500 (60 minutes)',
      kind: 'wbt',
      minutes: 60,
      ceu: 1,
      index: 'CMS06140728A',
      date: '2026-11-26',
      dateStated: true,
      approximate: false,
      registered: null,
      candidates: [],
      explanation: '60 minutes, as written; 60 minutes is over 30 and up to 60 → 1 CE, index CMS06140728A',
      reason: null,
    });
  });

  it.each([
    ['Hospice Benefit, 30 min', 30, 0.5, 'CMS06140727A'],
    ['Hospice Benefit, 31 min', 31, 1, 'CMS06140728A'],
    ['Hospice Benefit, 1.5 hours', 90, 1.5, 'CMS06140729A'],
    ['Hospice Benefit, 1h31', 91, 2, 'CMS06140730A'],
    ['Hospice Benefit, 2 hours', 120, 2, 'CMS06140730A'],
    ['Hospice Benefit, 30 min 59 sec', 30, 0.5, 'CMS06140727A'],
    ['National Provider Call: ESRD 1:30 – 3:00 pm ET', 90, 1.5, 'CMS06140729A'],
  ])('%j → %s min → %s CE (%s)', (text, minutes, ceu, index) => {
    expect(explainText(text, NOW, ZONE)).toMatchObject({ minutes, ceu, index, reason: null });
  });

  it('marks an approximate length', () => {
    expect(explainText('about 50 min compliance WBT', NOW, ZONE)).toMatchObject({
      title: 'compliance WBT',
      kind: 'wbt',
      minutes: 50,
      ceu: 1,
      index: 'CMS06140728A',
      approximate: true,
      explanation: '50 min = 50 minutes (approximate: “about”); 50 minutes is over 30 and up to 60 → 1 CE, index CMS06140728A',
      reason: null,
    });
  });

  it('asks for the length when there is none (length-missing)', () => {
    expect(explainText('watched the MLN webinar on telehealth billing yesterday', NOW, ZONE)).toEqual({
      text: 'watched the MLN webinar on telehealth billing yesterday',
      title: 'MLN webinar on telehealth billing',
      kind: 'webinar',
      minutes: null,
      ceu: null,
      index: null,
      date: '2026-11-26',
      dateStated: true,
      approximate: false,
      registered: null,
      candidates: [],
      explanation: 'No length found: how many minutes was it?',
      reason: 'length-missing',
    });
  });

  it('never takes a bare number or a CEU count for a length', () => {
    expect(explainText('Medicare 101 course, got 1 CEU', NOW, ZONE)).toMatchObject({ minutes: null, ceu: null, reason: 'length-missing' });
  });

  it('lists the candidates when there are two lengths (length-ambiguous, B8)', () => {
    expect(explainText('hospice course 45 min or 1 hour', NOW, ZONE)).toMatchObject({
      kind: 'wbt',
      minutes: null,
      ceu: null,
      index: null,
      candidates: [
        { minutes: 45, text: '45 min' },
        { minutes: 60, text: '1 hour' },
      ],
      explanation: 'More than one length: "45 min" (45 min) or "1 hour" (60 min). Which one was it?',
      reason: 'length-ambiguous',
    });
  });

  it.each([
    [
      'National Provider Call: Hospice 1:30 - 4:00 pm ET',
      150,
      "1:30 - 4:00 pm is a span of 150 minutes (1:30 pm to 4:00 pm); 150 minutes is over the CMSS table's 120-minute maximum → no automatic credit, flagged for manual review",
    ],
    [
      '2.5 hours workshop',
      150,
      "2.5 hours × 60 = 150 minutes; 150 minutes is over the CMSS table's 120-minute maximum → no automatic credit, flagged for manual review",
    ],
    [
      '0 min course',
      0,
      '0 min = 0 minutes; 0 minutes earns no automatic credit (the CMSS table starts above 0 minutes) → flagged for manual review',
    ],
  ])('flags %j for review: %s min, no CE (needs-review)', (text, minutes, explanation) => {
    expect(explainText(text, NOW, ZONE)).toMatchObject({ minutes, ceu: null, index: null, explanation, reason: 'needs-review' });
  });

  it('refuses a future completion date (future-date)', () => {
    // What was read is still reported (length, credit, the date itself); the reason says why it is refused.
    expect(explainText('compliance course 30 min on 2027-01-05', NOW, ZONE)).toMatchObject({
      kind: 'wbt',
      minutes: 30,
      ceu: 0.5,
      index: 'CMS06140727A',
      date: '2027-01-05',
      dateStated: true,
      explanation: 'The completion date 2027-01-05 ("2027-01-05") is in the future. Read otherwise: 30 min = 30 minutes; 30 minutes is over 0 and up to 30 → 0.5 CE, index CMS06140727A',
      reason: 'future-date',
    });
    expect(explainText('hospice course tomorrow, 45 min', NOW, ZONE)).toMatchObject({
      date: '2026-11-28',
      minutes: 45,
      reason: 'future-date',
    });
    expect(explainText('hospice course on Feb 30, 45 min', NOW, ZONE)).toMatchObject({ date: null, minutes: 45, ceu: 1, reason: 'invalid-date' });
  });

  it('says when the date was not stated (today by default)', () => {
    expect(explainText('hospice course, 45 min', NOW, ZONE)).toMatchObject({ date: '2026-11-27', dateStated: false, minutes: 45, ceu: 1 });
  });

  it('reads the date in the person’s zone', () => {
    const evening = fixedClock('2026-11-27T03:30:00Z').now();
    expect(explainText('hospice course yesterday, 45 min', evening, 'America/Los_Angeles').date).toBe('2026-11-25');
    expect(explainText('hospice course yesterday, 45 min', evening, 'Asia/Tokyo').date).toBe('2026-11-26');
  });

  it('reports registration for a call', () => {
    expect(explainText('MLN Connects Call: Hospice, 1 hour, did not register', NOW, ZONE)).toMatchObject({
      title: 'MLN Connects Call: Hospice',
      kind: 'npc',
      registered: false,
      minutes: 60,
      ceu: 1,
    });
  });

  it.each(['', '   ', '\n\t'])('has nothing to read in %j (empty)', (text) => {
    expect(explainText(text, NOW, ZONE)).toEqual({
      text,
      title: null,
      kind: 'other',
      minutes: null,
      ceu: null,
      index: null,
      date: null,
      dateStated: false,
      approximate: false,
      registered: null,
      candidates: [],
      explanation: 'There is no text to read.',
      reason: 'empty',
    });
  });

  it('refuses text longer than the limit (text-too-long)', () => {
    const text = `Hospice Benefit 45 min ${'x'.repeat(MAX_TRAINING_TEXT)}`;
    expect(MAX_TRAINING_TEXT).toBe(2000);
    expect(explainText(text, NOW, ZONE)).toMatchObject({
      text,
      title: null,
      minutes: null,
      explanation: 'The text is longer than 2000 characters.',
      reason: 'text-too-long',
    });
  });

  it('reads text exactly at the limit, surrounding spaces not counted', () => {
    const body = `Hospice Benefit 45 min ${'x'.repeat(MAX_TRAINING_TEXT - 23)}`;
    expect(body).toHaveLength(2000);
    expect(explainText(`  ${body}  `, NOW, ZONE)).toMatchObject({ minutes: 45, ceu: 1, reason: null });
  });

  it('uses the rules it is given', () => {
    const rules: CredentialRules = {
      ...CMSS_RULES,
      code: 'QTR',
      creditTable: [
        { overMinutes: 0, upToMinutes: 15, credit: 0.25, indexNumber: 'Q-15' },
        { overMinutes: 15, upToMinutes: 30, credit: 0.5, indexNumber: 'Q-30' },
      ],
    };
    expect(explainText('Hospice Benefit, 15 min', NOW, ZONE, rules)).toMatchObject({
      minutes: 15,
      ceu: 0.25,
      index: 'Q-15',
      explanation: '15 min = 15 minutes; 15 minutes is over 0 and up to 15 → 0.25 CE, index Q-15',
      reason: null,
    });
    expect(explainText('Hospice Benefit, 45 min', NOW, ZONE, rules)).toMatchObject({
      minutes: 45,
      ceu: null,
      explanation: "45 min = 45 minutes; 45 minutes is over the QTR table's 30-minute maximum → no automatic credit, flagged for manual review",
      reason: 'needs-review',
    });
  });
});
