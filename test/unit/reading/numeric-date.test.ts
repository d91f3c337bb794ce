import { describe, expect, it } from 'vitest';
import { impossibleNumericDate } from '../../../src/reading/numeric-date.ts';

describe('impossibleNumericDate', () => {
  it.each([
    ['2026-13-01', '2026-13-01'],
    ['on 2026-02-30, 45 min', '2026-02-30'],
    ['2026-2-30', '2026-2-30'],
    ['11/31/2026', '11/31/2026'],
    ['13/01/2026', '13/01/2026'],
    ['2/29/2026', '2/29/2026'],
    ['2/29/27', '2/29/27'],
    ['on 11/31 for 45 min', '11/31'],
    ['on 2/30', '2/30'],
  ])('%s names no real day', (text, found) => {
    expect(impossibleNumericDate(text)).toBe(found);
  });

  it.each(['2026-12-01', '2/29/2028', '2/29', '12/31/2026', '11/3', '1/2 hour', 'scored 45/50', 'post-test 27/30', 'on 13/1', 'ICD-10 update', 'Form CMS-1500', 'version 1.2/3', '837P', '2026-01-15 and 11/3/2026'])(
    '%s is left alone',
    (text) => {
      expect(impossibleNumericDate(text)).toBeNull();
    },
  );
});
