import { describe, expect, it } from 'vitest';
import { namesACourse } from '../../../src/domain/short-title.ts';
import { checkTitle } from '../../../src/domain/training-field-rules.ts';
import { readTraining } from '../../../src/reading/training-text.ts';
import { fixedClock } from '../../fakes/fixed-clock.ts';

const NOW = fixedClock('2026-11-27T15:00:00Z').now();

/** Leftover of issue 10: short acronym titles of coding and documentation courses are titles; junk is not. */
describe('short acronym titles', () => {
  it.each([
    ['E/M', true],
    ['Q&A', true],
    ['E&M', true],
    ['E / M', true],
    ['E/M 2024', true],
    ['E/M-21', true],
    ['HCC', true],
    ['ICD-10', true],
    ['E/M documentation', true],
    ['CPT/HCPCS', true],
    // Junk stays refused.
    ['ab', false],
    ['OK', false],
    ['EM', false],
    ['X1', false],
    ['A-1', false],
    ['e/m', false],
    ['N/A', false],
    ['n/a', false],
    ['W/O', false],
    ['Y/N', false],
    ['123', false],
    ['...', false],
    ['//', false],
  ])('%j names a course: %s', (title, expected) => {
    expect(namesACourse(title)).toBe(expected);
    expect(checkTitle(title).ok).toBe(expected);
  });

  it('reads an unquoted acronym title from a message, and leaves junk to the title question', () => {
    expect(readTraining('E/M 30 min yesterday', NOW, 'America/New_York').title).toBe('E/M');
    expect(readTraining('MLN webinar: E/M 45 min', NOW, 'America/New_York').title).toBe('MLN webinar: E/M');
    expect(readTraining('N/A 30 min', NOW, 'America/New_York').title).toBeNull();
    expect(readTraining('ok 30 min', NOW, 'America/New_York').title).toBeNull();
  });
});
