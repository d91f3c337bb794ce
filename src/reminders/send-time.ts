import { DateTime } from 'luxon';
import type { IsoDate } from '../domain/dates.ts';

/** How far (minutes) to look for the end of a daylight-saving gap: no zone skips more than two hours. */
const MAX_GAP_MINUTES = 180;

/**
 * The instant a local send time (`HH:mm` on `date`) happens in `zone`, in UTC. Computed from the
 * zone's rules for that very day (never a cached offset), so 09:00 stays 09:00 across changes. A
 * time that does not exist (a spring-forward gap) is the next minute that does; one that happens
 * twice (fall-back) is its first occurrence.
 */
export function sendInstant(date: IsoDate, sendAt: string, zone: string): DateTime {
  const [hour = 9, minute = 0] = sendAt.split(':').map(Number);
  const [year, month, day] = date.split('-').map(Number);
  for (let later = 0; later <= MAX_GAP_MINUTES; later += 1) {
    const wall = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'utc' }).plus({ minutes: later });
    const local = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute }, { zone });
    // luxon moves a non-existent local time forward by the gap: the wall clock then differs.
    if (local.hour === wall.hour && local.minute === wall.minute && local.day === wall.day) return firstOccurrence(local).toUTC();
  }
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone }).toUTC();
}

/** A wall-clock time that happens twice (the fall-back hour): luxon picks one; the earlier is wanted. */
function firstOccurrence(local: DateTime): DateTime {
  for (const back of [60, 30]) {
    const earlier = local.minus({ minutes: back });
    if (earlier.hour === local.hour && earlier.minute === local.minute && earlier.day === local.day) return earlier;
  }
  return local;
}

/** Saturday and Sunday move back to the Friday before. */
export function weekdayOnOrBefore(date: IsoDate): IsoDate {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  const back = d.weekday === 6 ? 1 : d.weekday === 7 ? 2 : 0;
  return d.minus({ days: back }).toISODate() ?? date;
}
