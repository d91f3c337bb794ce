import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readTraining } from '../../../src/reading/training-text.ts';

/**
 * Issue 6, item 16 (review): chrono-node reads the whole text again only when the quoted title could
 * name a day. These pin that a day named only inside the quotes is still found, in every form the
 * second reading exists for, and that a title naming none leaves today as the default.
 */
const NOW = DateTime.fromISO('2026-11-27T15:00:00Z', { zone: 'utc' });
const ZONE = 'America/Chicago';
const dateOf = (text: string) => readTraining(text, NOW, ZONE).date;

describe('a day named only inside the quoted title', () => {
  it.each([
    ['"MLN Connects Call Nov 3" 60 min', '2026-11-03'],
    ['"Call of 2026-11-10" 60 min', '2026-11-10'],
    ['"Webinar from yesterday" 45 min', '2026-11-26'],
    ['"Tuesday Coding Huddle" 30 min', '2026-11-24'],
    ['"Coding Review 3 days ago" 30 min', '2026-11-24'],
    ['"Last Monday Billing Call" 30 min', '2026-11-23'],
  ])('%s reads %s', (text, date) => {
    expect(dateOf(text)).toMatchObject({ kind: 'stated', date });
  });

  it('a date outside the quotes wins over one inside', () => {
    expect(dateOf('"MLN Connects Call Nov 3" 60 min yesterday')).toMatchObject({ kind: 'stated', date: '2026-11-26' });
  });

  it('a title that names no day leaves the completion date to default to today', () => {
    expect(dateOf('"Telehealth Billing Basics" webinar 45 min')).toEqual({ kind: 'defaulted', date: '2026-11-27' });
    expect(dateOf('log “Medicare Coding Essentials” 90 min')).toEqual({ kind: 'defaulted', date: '2026-11-27' });
  });
});
