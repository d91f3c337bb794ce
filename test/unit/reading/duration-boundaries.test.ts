import { describe, expect, it } from 'vitest';
import { readDuration } from '../../../src/reading/duration.ts';

/**
 * The credit buckets change at 0/30/60/90/120 minutes (domain.md §1.1, B1–B3), so every boundary
 * must read exactly, whatever the notation.
 */
function minutesIn(text: string): number | string {
  const reading = readDuration(text);
  return reading.kind === 'found' ? reading.duration.minutes : reading.kind;
}

const BOUNDARIES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ['0 min', '0 minutes', '0 hours', 'PT0M', 'zero minutes', '59 seconds']],
  [29, ['29 min', '29 minutes', 'twenty-nine minutes', 'PT29M', '29 min 59 sec', 'Length 0:29', '0:29:59 runtime']],
  [30, ['30 min', '0.5 hr', '.5 hour', 'half an hour', '1/2 hour', 'thirty minutes', '(0:30)', 'PT30M', '30-minute', '1800 seconds']],
  [31, ['31 min', 'thirty-one minutes', 'PT31M', 'Length 0:31', '31 minutes 10 seconds']],
  [60, ['60 min', '1 hour', '1 hr', '1h', 'one hour', 'an hour', '1 contact hour', '0.1 IACET CEU', '(1:00)', 'PT1H', '60-minute', '2:00 – 3:00 pm ET']],
  [61, ['61 min', '1h1m', '1 hour 1 minute', 'PT1H1M', '1:01 length', 'sixty-one minutes']],
  [90, ['90 min', '1.5 hours', '1 1/2 hours', '1½ hr', '1h30', '1 hr 30 min', 'an hour and a half', 'ninety minutes', '(1:30)', '1:30 – 3:00 pm ET', 'PT1H30M', '0.15 IACET CEUs', 'Contact hours: 1.5']],
  [91, ['91 min', '1h31', '1 hr 31 min', '1:31 length', 'PT1H31M', 'ninety-one minutes']],
  [120, ['120 min', '2 hours', '2 Hrs.', 'two-hour', '2h', '2:00 – 4:00 pm ET', 'PT2H', 'one hundred twenty minutes', '(2:00)', '2 contact hours']],
  [121, ['121 min', '2h1m', '2 hours 1 minute', '2:01 length', 'PT2H1M', 'one hundred twenty-one minutes']],
];

const CASES = BOUNDARIES.flatMap(([minutes, notations]) => notations.map((text) => [text, minutes] as const));

describe('readDuration: bucket boundaries in several notations', () => {
  it.each(CASES)('%s → %s', (text, minutes) => {
    expect(minutesIn(text)).toBe(minutes);
  });
});
