import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';
import { isIsoDate, type IsoDate } from '../domain/dates.ts';
import { dayOf, type DayPreference } from './calendar-day.ts';
import { impossibleNumericDate } from './numeric-date.ts';

/**
 * A date typed in a command ("2026-01-15", "Jan 15 2026", "1/15/2026", "yesterday"), read in the
 * person's zone. Without a year, an issue or payment date is the latest such day up to today
 * (`past`), an expiry the first from today (`future`). Callers check the range.
 */
export function readDateWords(text: string, now: DateTime, zone: string, prefer: DayPreference = 'past'): IsoDate | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  // chrono-node would read "2026-13-01" as Jan 13: a day that does not exist is not read at all.
  if (impossibleNumericDate(trimmed)) return null;
  const local = now.setZone(zone);
  const result = chrono.parse(trimmed, { instant: now.toJSDate(), timezone: local.offset }, { forwardDate: prefer === 'future' })[0];
  if (!result || !(result.start.isCertain('day') || result.start.isCertain('weekday'))) return null;
  return dayOf(result, local.toISODate() ?? '', prefer);
}
