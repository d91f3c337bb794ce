import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLOCK_LENGTH_READERS } from '../../../src/reading/duration/clock-length.ts';
import { CLOCK_RANGE_READER } from '../../../src/reading/duration/clock-range.ts';
import { STOP_PATTERNS } from '../../../src/reading/duration/distractors.ts';
import { normalise } from '../../../src/reading/duration/normalise.ts';
import { CE_READERS, ISO_READER, LATE_WORD_READERS, WORD_READERS } from '../../../src/reading/duration/phrases.ts';
import { COMPOUND_READERS, RANGE_READERS, SIMPLE_READERS } from '../../../src/reading/duration/quantities.ts';
import { canMatch } from '../../../src/reading/duration/reader.ts';
import { CORPUS } from '../../../bench/corpus.ts';

// The length reader skips a pattern when the text holds none of the words it cannot match without
// (`needs`). A wrong list would silently drop lengths or distractors, so each list is checked here.
const READERS = [ISO_READER, CLOCK_RANGE_READER, ...CLOCK_LENGTH_READERS, ...CE_READERS, ...WORD_READERS, ...COMPOUND_READERS, ...RANGE_READERS, ...SIMPLE_READERS, ...LATE_WORD_READERS];
const GUARDED = [...READERS, ...STOP_PATTERNS].filter((p) => p.needs !== undefined);

/** One text each guarded pattern matches, so that no check below passes for want of a match. */
const EXAMPLES: Readonly<Record<string, string>> = {
  'contact-hours': '1.5 contact hours',
  'contact-minutes': '90 contact minutes',
  'iacet-ceu': '0.1 IACET CEU',
  'iacet-ceu-label': 'IACET CEU: 0.1',
  'ceu-fraction': '0.1 CEU',
  'second-guess': '45 min, maybe 50',
  'second-guess-tops': '45 min, 50 tops',
  'hours-and-a-half': 'an hour and a half',
  'and-a-half-hours': 'one and a half hours',
  'minutes-seconds': '12 min 30 sec',
  'either-or': '30 or 45 minutes',
  range: '40–50 min',
  seconds: '90 seconds',
  'time-increments': '15 minute increments',
  'length-before-code': '30 min (99490)',
  'hour-minimum': '8-hour minimum',
  'yearly-requirement': '3 CME hours a year',
  'day-periods': 'the 90-day global period',
  'time-ago': 'finished it 2 hours ago',
};

/** Every string literal in the reader's tests, and the benchmark corpus. */
function sampleTexts(): string[] {
  const dir = new URL('./', import.meta.url);
  const texts = new Set<string>(CORPUS);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) texts.add((m[1] ?? '').replace(/\\(.)/g, '$1'));
  }
  return [...texts, ...Object.values(EXAMPLES)];
}

describe('the length patterns’ prefilters', () => {
  it('name an example for every guarded pattern', () => {
    expect(GUARDED.map((p) => p.name).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it.each(GUARDED.map((p) => [p.name, p] as const))('%s matches its example, which passes its prefilter', (name, p) => {
    const text = normalise(EXAMPLES[name] ?? '').text;
    expect(new RegExp(p.pattern.source).test(text)).toBe(true);
    expect(canMatch(p.needs, text)).toBe(true);
  });

  it.each(GUARDED.map((p) => [p.name, p] as const))('%s never matches a sample text its prefilter would skip', (_name, p) => {
    const skippedButMatching = sampleTexts()
      .map((t) => normalise(t).text)
      .filter((t) => !canMatch(p.needs, t) && new RegExp(p.pattern.source).test(t));
    expect(skippedButMatching).toEqual([]);
  });
});
