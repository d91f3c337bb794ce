import type * as chrono from 'chrono-node';
import { addDays, isIsoDate, type IsoDate } from '../domain/dates.ts';

/** Which way to resolve a date written without a year: a completion or payment lies behind, an expiry ahead. */
export type DayPreference = 'past' | 'future';

/** How far (years) a month and day without a year are searched for a real date (Feb 29 needs up to 8). */
const YEAR_SEARCH = 8;

/**
 * The calendar day chrono found, in the person's zone (`today` is theirs). chrono guesses a missing
 * year from the nearest date and reads "last night" in the server's zone, so: "last night" is the
 * day before `today`; a weekday alone is the latest (or next) such day; a month and day without a
 * year is the latest such date up to today (or the first from today, for expiries).
 */
export function dayOf(result: chrono.ParsedResult, today: IsoDate, prefer: DayPreference): IsoDate | null {
  const start = result.start;
  if (/^last\s*night\b/i.test(result.text.trim())) return addDays(today, -1);
  const date = isoOf(start.get('year'), start.get('month'), start.get('day'));
  if (!start.isCertain('day')) return weekdayOf(date, today, prefer);
  if (start.isCertain('year') || result.tags().has('result/relativeDate')) return date;
  return monthDayOf(start.get('month'), start.get('day'), today, prefer);
}

function weekdayOf(date: IsoDate | null, today: IsoDate, prefer: DayPreference): IsoDate | null {
  if (!date) return null;
  if (prefer === 'past') return date > today ? addDays(date, -7) : date;
  return date < today ? addDays(date, 7) : date;
}

/** The latest `month`/`day` up to today (past), or the first from today (future). */
export function monthDayOf(month: number | null, day: number | null, today: IsoDate, prefer: DayPreference): IsoDate | null {
  const thisYear = Number(today.slice(0, 4));
  for (let offset = 0; offset <= YEAR_SEARCH; offset += 1) {
    const year = prefer === 'past' ? thisYear - offset : thisYear + offset;
    const candidate = isoOf(year, month, day);
    if (candidate && (prefer === 'past' ? candidate <= today : candidate >= today)) return candidate;
  }
  return null;
}

export function isDay(result: chrono.ParsedResult): boolean {
  return result.start.isCertain('day') || result.start.isCertain('weekday');
}

export function isoOf(year: number | null, month: number | null, day: number | null): IsoDate | null {
  if (year === null || month === null || day === null) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Month names only as written ("maybe 50" is not May 50).
const MONTH_DAY = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[:\d])/i;
const ISO_LIKE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/**
 * Text that names a day chrono could not make a date of: "Feb 30", "2026-02-30", or "Feb 29" in a
 * year without one (then the last Feb 29 is meant). Returns the day, or `invalid` with the words.
 */
export function unreadableDay(text: string, today: IsoDate): { readonly date: IsoDate; readonly text: string } | { readonly invalid: string } | null {
  const iso = ISO_LIKE.exec(text);
  if (iso && !isIsoDate(iso[0])) return { invalid: iso[0] };
  const named = MONTH_DAY.exec(text);
  if (!named?.[1] || !named[2]) return null;
  const month = MONTHS.indexOf(named[1].slice(0, 3).toLowerCase()) + 1;
  const date = monthDayOf(month, Number(named[2]), today, 'past');
  return date ? { date, text: named[0] } : { invalid: named[0] };
}
