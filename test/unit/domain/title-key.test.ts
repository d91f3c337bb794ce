import { describe, expect, it } from 'vitest';
import { titleKey } from '../../../src/domain/title-key.ts';
import { readDuration } from '../../../src/reading/duration.ts';

/** As the app keys a title: the length written in it (if the reader finds one) is cut out first. */
function keyOf(title: string): string {
  const reading = readDuration(title);
  return titleKey(title, reading.kind === 'found' ? reading.duration : undefined);
}

describe('titleKey: one key for two spellings of the same course (B17)', () => {
  const SAME: ReadonlyArray<readonly [string, readonly string[], string]> = [
    [
      'Medicare Billing: 837P and Form CMS-1500',
      [
        'Medicare Billing: 837P and Form CMS-1500 (60 minutes)',
        'Medicare Billing: 837P and Form CMS-1500 (1 hour)',
        'Medicare Billing: 837P and Form CMS-1500, 60 min',
        'MEDICARE BILLING — 837P AND FORM CMS-1500',
        'medicare billing 837p & form cms 1500',
        'Medicare Billing: 837P and Form CMS-1500 (Web-Based Training)',
        'MLN Medicare Billing: 837P and Form CMS-1500 course',
        'Medicare Learning Network® Medicare Billing: 837P and Form CMS-1500 WBT',
      ],
      'medicare billing 837p form cms 1500',
    ],
    ['The Hospice Benefit', ['Hospice Benefit', 'hospice benefit.', 'The Hospice Benefit course', '  Hospice   Benefit  ', 'Hospice-Benefit'], 'hospice benefit'],
    ['Medicare Parts C and D General Compliance Training', ['Medicare Parts C & D General Compliance Training'], 'medicare parts c d general compliance training'],
    ['Évaluation des services', ['Evaluation des services', 'EVALUATION DES SERVICES'], 'evaluation des services'],
  ];

  it.each(SAME.flatMap(([base, variants, key]) => variants.map((variant) => [base, variant, key] as const)))(
    '"%s" ≡ "%s" (key "%s")',
    (base, variant, key) => {
      expect(keyOf(base)).toBe(key);
      expect(keyOf(variant)).toBe(key);
    },
  );

  it.each([
    ['Medicare Parts C and D General Compliance Training (MLN006976)', 'mln006976'],
    ['Parts C & D compliance, ICN MLN006976', 'mln006976'],
    ['MLN 006976: a completely different wording', 'mln006976'],
    ['mln006976', 'mln006976'],
    ['Some booklet MLN9658426', 'mln9658426'],
  ])('the MLN product number wins: "%s" → %s', (title, key) => {
    expect(keyOf(title)).toBe(key);
  });

  it.each([
    ['Hospice Benefit', 'Home Health Benefit'],
    ['Medicare Billing: 837P and Form CMS-1500', 'Medicare Billing: 837I and Form CMS-1450'],
    ['E/M Services Part 1', 'E/M Services Part 2'],
    ['2025 Physician Fee Schedule', '2026 Physician Fee Schedule'],
    ['Course A (MLN006976)', 'Course A (MLN006977)'],
  ])('keeps different courses apart: "%s" ≠ "%s"', (a, b) => {
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  it('cuts only the given length span, not other numbers', () => {
    const title = 'CY 2026 Physician Fee Schedule (90 minutes)';
    const span = { start: title.indexOf('90 minutes'), end: title.indexOf('90 minutes') + '90 minutes'.length };
    expect(titleKey(title, span)).toBe('cy 2026 physician fee schedule');
    expect(titleKey(title)).toBe('cy 2026 physician fee schedule 90 minutes');
  });

  it('does not take MLN Matters article numbers or short numbers as a product number', () => {
    expect(keyOf('MLN Matters MM13452 Telehealth')).toBe('matters mm13452 telehealth');
    expect(keyOf('MLN 101 basics')).toBe('101 basics');
  });

  it('may be empty when the title is only filler and a length', () => {
    expect(keyOf('The MLN course (60 minutes)')).toBe('');
  });
});
