import { describe, expect, it } from 'vitest';
import { awardCredit, formatCredit, sumCredit } from '../../../src/domain/credit.ts';
import { CMSS_RULES, type CredentialRules } from '../../../src/domain/credential-rules.ts';

/** domain.md §1.1 and B1–B3, B7: buckets (lower, upper], fractions dropped first, nothing at 0 or above 120. */
describe('awardCredit with the CMSS table', () => {
  const AWARDED: ReadonlyArray<readonly [number, number, number, string]> = [
    // raw minutes, whole minutes, credit, index
    [1, 1, 0.5, 'CMS06140727A'],
    [29, 29, 0.5, 'CMS06140727A'],
    [30, 30, 0.5, 'CMS06140727A'],
    [30.9, 30, 0.5, 'CMS06140727A'],
    [31, 31, 1, 'CMS06140728A'],
    [59, 59, 1, 'CMS06140728A'],
    [60, 60, 1, 'CMS06140728A'],
    [60.99, 60, 1, 'CMS06140728A'],
    [61, 61, 1.5, 'CMS06140729A'],
    [89, 89, 1.5, 'CMS06140729A'],
    [90, 90, 1.5, 'CMS06140729A'],
    [90.5, 90, 1.5, 'CMS06140729A'],
    [91, 91, 2, 'CMS06140730A'],
    [119, 119, 2, 'CMS06140730A'],
    [120, 120, 2, 'CMS06140730A'],
    [120.75, 120, 2, 'CMS06140730A'],
  ];

  it.each(AWARDED)('%s min → %s whole minutes → %s CE (%s)', (raw, minutes, credit, indexNumber) => {
    const award = awardCredit(CMSS_RULES, raw);
    expect(award.kind).toBe('awarded');
    expect(award.minutes).toBe(minutes);
    if (award.kind !== 'awarded') return;
    expect(award.credit).toBe(credit);
    expect(award.indexNumber).toBe(indexNumber);
    expect(award.bucket.indexNumber).toBe(indexNumber);
    expect(award.bucket.credit).toBe(credit);
  });

  const REVIEWED: ReadonlyArray<readonly [number, number, 'zero-length' | 'over-maximum']> = [
    [0, 0, 'zero-length'],
    [0.99, 0, 'zero-length'],
    [-1, 0, 'zero-length'],
    [-45, 0, 'zero-length'],
    [121, 121, 'over-maximum'],
    [150, 150, 'over-maximum'],
    [600, 600, 'over-maximum'],
  ];

  it.each(REVIEWED)('%s min → %s whole minutes → no automatic credit (%s)', (raw, minutes, reason) => {
    const award = awardCredit(CMSS_RULES, raw);
    expect(award).toMatchObject({ kind: 'review', minutes, reason });
    expect(award).not.toHaveProperty('credit');
    expect(award).not.toHaveProperty('indexNumber');
  });

  it.each([
    [1, '1 minute is over 0 and up to 30 → 0.5 CE, index CMS06140727A'],
    [30, '30 minutes is over 0 and up to 30 → 0.5 CE, index CMS06140727A'],
    [30.9, '30 minutes is over 0 and up to 30 → 0.5 CE, index CMS06140727A'],
    [45, '45 minutes is over 30 and up to 60 → 1 CE, index CMS06140728A'],
    [90, '90 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A'],
    [120, '120 minutes is over 90 and up to 120 → 2 CE, index CMS06140730A'],
    [0, '0 minutes earns no automatic credit (the CMSS table starts above 0 minutes) → flagged for manual review'],
    [-5, '0 minutes earns no automatic credit (the CMSS table starts above 0 minutes) → flagged for manual review'],
    [121, "121 minutes is over the CMSS table's 120-minute maximum → no automatic credit, flagged for manual review"],
    [600, "600 minutes is over the CMSS table's 120-minute maximum → no automatic credit, flagged for manual review"],
  ])('explains %s min as "%s"', (minutes, explanation) => {
    expect(awardCredit(CMSS_RULES, minutes).explanation).toBe(explanation);
  });

  it('gives the whole bucket it used', () => {
    expect(awardCredit(CMSS_RULES, 75)).toEqual({
      kind: 'awarded',
      minutes: 75,
      credit: 1.5,
      indexNumber: 'CMS06140729A',
      bucket: { overMinutes: 60, upToMinutes: 90, credit: 1.5, indexNumber: 'CMS06140729A' },
      explanation: '75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A',
    });
  });
});

describe('awardCredit with another credential’s numbers', () => {
  /** A made-up credential: 2 CE per 24 months, quarter-credit buckets of 15 minutes up to 60, no fee. */
  const QUARTERS: CredentialRules = {
    code: 'QTR',
    name: 'Quarter Credential',
    issuer: 'Example Board',
    requiredCredit: 2,
    cycleMonths: 24,
    feeCents: null,
    currency: 'EUR',
    creditTable: [
      { overMinutes: 10, upToMinutes: 15, credit: 0.25, indexNumber: 'Q-15' },
      { overMinutes: 15, upToMinutes: 30, credit: 0.5, indexNumber: 'Q-30' },
      { overMinutes: 30, upToMinutes: 45, credit: 0.75, indexNumber: 'Q-45' },
      { overMinutes: 45, upToMinutes: 60, credit: 1, indexNumber: 'Q-60' },
    ],
    acceptedKinds: ['wbt', 'webinar'],
    registrationRequiredKinds: [],
    expiringSoonDays: 60,
    shortActivityMinutes: 0,
  };

  it.each([
    [11, 0.25, 'Q-15'],
    [15, 0.25, 'Q-15'],
    [16, 0.5, 'Q-30'],
    [45, 0.75, 'Q-45'],
    [45.9, 0.75, 'Q-45'],
    [46, 1, 'Q-60'],
    [60, 1, 'Q-60'],
  ])('%s min → %s (%s)', (minutes, credit, indexNumber) => {
    expect(awardCredit(QUARTERS, minutes)).toMatchObject({ kind: 'awarded', credit, indexNumber });
  });

  it('flags lengths at or below the lowest bound as zero-length, naming that bound', () => {
    expect(awardCredit(QUARTERS, 10)).toEqual({
      kind: 'review',
      minutes: 10,
      reason: 'zero-length',
      explanation: '10 minutes earns no automatic credit (the QTR table starts above 10 minutes) → flagged for manual review',
    });
  });

  it('flags lengths above the highest bound as over-maximum, naming that bound (not 120)', () => {
    expect(awardCredit(QUARTERS, 61)).toEqual({
      kind: 'review',
      minutes: 61,
      reason: 'over-maximum',
      explanation: "61 minutes is over the QTR table's 60-minute maximum → no automatic credit, flagged for manual review",
    });
  });

  it('explains quarter credits with two decimals', () => {
    expect(awardCredit(QUARTERS, 40).explanation).toBe('40 minutes is over 30 and up to 45 → 0.75 CE, index Q-45');
  });
});

describe('sumCredit', () => {
  it.each([
    [[0.1, 0.2], 0.3],
    [[0.1, 0.2, 0.3], 0.6],
    [[0.5, 0.5, 0.5, 0.5, 0.5, 0.5], 3],
    [Array.from({ length: 101 }, () => 0.5), 50.5],
    [Array.from({ length: 30 }, () => 0.1), 3],
    [[0.25, 0.25, 0.25, 0.25, 2], 3],
    [[1.5, 1.5], 3],
    [[3, -2.5], 0.5],
    [[3, -0.1], 2.9],
    [[], 0],
  ])('sums %j exactly to %s', (values, total) => {
    expect(sumCredit(values)).toBe(total);
  });

  it('is exact where plain addition is not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumCredit([0.1, 0.2])).toBe(0.3);
  });
});

describe('formatCredit', () => {
  it.each([
    [0, '0'],
    [0.5, '0.5'],
    [1, '1'],
    [1.5, '1.5'],
    [2, '2'],
    [0.25, '0.25'],
    [0.75, '0.75'],
    [2.999, '3'],
  ])('%s → "%s"', (credit, text) => {
    expect(formatCredit(credit)).toBe(text);
  });
});
