import { DateTime, Info } from 'luxon';

/**
 * A calendar date as `yyyy-MM-dd`. Issue, expiry and completion dates are days, not instants:
 * a course finished "yesterday" is a day in the person's zone. Instants stay luxon DateTimes in UTC.
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function dateOf(value: IsoDate): DateTime {
  return DateTime.fromISO(value, { zone: 'utc' });
}

/** The calendar date an instant falls on for a person in `zone` (an IANA name). */
export function localDate(instant: DateTime, zone: string): IsoDate {
  return instant.setZone(zone).toISODate() ?? instant.toUTC().toISODate() ?? '';
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  // luxon clamps to the month's last day: 2024-02-29 + 12 months = 2025-02-28.
  return dateOf(date).plus({ months }).toISODate() ?? date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  // Plain UTC arithmetic on a real yyyy-MM-dd day and a whole number of days (the reminder planner
  // adds days to every step of every due certificate: luxon was most of a run's CPU). Anything
  // else — another format, a day that does not exist, years outside 100–9999 — goes through luxon.
  const day = realUtcDay(date);
  if (day !== null && Number.isInteger(days)) {
    const out = new Date(day + days * 86_400_000).toISOString();
    if (out.length === 24 && out.slice(0, 4) >= '0100') return out.slice(0, 10);
  }
  return dateOf(date).plus({ days }).toISODate() ?? date;
}

/** `utcDay` of a day that exists (not 2027-02-30), else null. */
function realUtcDay(date: IsoDate): number | null {
  const day = utcDay(date);
  if (day === null) return null;
  const back = new Date(day);
  return back.getUTCDate() === Number(date.slice(8, 10)) && back.getUTCMonth() === Number(date.slice(5, 7)) - 1 ? day : null;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  // Plain UTC arithmetic on the two days (a report applies it to every person): the same answer as
  // luxon's diff for real days, ~50× cheaper. Anything not yyyy-MM-dd goes through luxon.
  const a = utcDay(from);
  const b = utcDay(to);
  if (a === null || b === null) return Math.round(dateOf(to).diff(dateOf(from), 'days').days);
  return Math.round((b - a) / 86_400_000);
}

/** The day as whole days since 1970-01-01 (negative before), the report's stored sort key; null for a day that is not a date. */
export function dayNumber(date: IsoDate): number | null {
  const n = daysBetween('1970-01-01', date);
  return Number.isFinite(n) ? n : null;
}

function utcDay(date: IsoDate): number | null {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // (Date.UTC reads years below 100 as 19xx: those go through luxon too.)
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 100) return null;
  return Date.UTC(y, m - 1, d);
}

/** Distinct zone strings whose answer is kept; people use a handful of zones, so this is plenty. */
export const ZONE_CACHE_LIMIT = 256;

/**
 * `check` with its answers remembered, at most `limit` of them (the oldest is dropped first). luxon's
 * check builds a new `Intl.DateTimeFormat` on every call (about 10 µs), and every request checks
 * the same few zones; an invalid zone is remembered as invalid, so it stays false.
 */
export function cachedZoneCheck(check: (zone: string) => boolean, limit = ZONE_CACHE_LIMIT): (zone: string) => boolean {
  const answers = new Map<string, boolean>();
  return (zone) => {
    const known = answers.get(zone);
    if (known !== undefined) return known;
    const answer = check(zone);
    if (answers.size >= limit) answers.delete(answers.keys().next().value ?? '');
    answers.set(zone, answer);
    return answer;
  };
}

/** Whether `zone` is an IANA zone this runtime knows ("America/New_York", "UTC"). */
export const isValidZone: (zone: string) => boolean = cachedZoneCheck((zone) => Info.isValidIANAZone(zone));
