import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.ts';

/** What addDays answered when it was luxon alone: its plain arithmetic must agree day for day. */
const luxon = (date: string, days: number) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;

describe('addDays', () => {
  it('agrees with luxon on every day of 2024–2029 (leap days, month ends) for the offsets the planner uses', () => {
    const offsets = [-366, -60, -7, -1, 0, 1, 7, 30, 365, 1000];
    let disagreements = 0;
    let checked = 0;
    for (let day = DateTime.fromISO('2024-01-01', { zone: 'utc' }); day.year < 2030; day = day.plus({ days: 1 })) {
      const iso = day.toISODate() ?? '';
      for (const offset of offsets) {
        checked += 1;
        if (addDays(iso, offset) !== luxon(iso, offset)) disagreements += 1;
      }
    }
    expect(checked).toBeGreaterThan(21_000);
    expect(disagreements).toBe(0);
  });

  it('keeps luxon’s answer for what is not a plain real day', () => {
    for (const [date, days] of [['2027-02-30', 1], ['2027-13-01', 1], ['0050-03-01', 1], ['9999-12-31', 1], ['0100-01-01', -1], ['2027-01-15T10:00:00Z', 1], ['not a day', 3], ['2027-01-15', 1.5]] as const) {
      expect(addDays(date, days)).toBe(luxon(date, days));
    }
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});
