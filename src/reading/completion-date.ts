import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';
import { addDays, isIsoDate, type IsoDate } from '../domain/dates.ts';

export type DateReading =
  | { readonly kind: 'stated'; readonly date: IsoDate; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'defaulted'; readonly date: IsoDate }
  | { readonly kind: 'future'; readonly date: IsoDate; readonly text: string };

/** Relative-time phrases ("in 60 minutes") are lengths or clock times, never a completion day. */
const TIME_ONLY = /\b(min(ute)?s?|h(ou)?rs?|hours?|seconds?|secs?)\b/i;

/**
 * The day a training was completed, read in the person's zone relative to `now`: "yesterday",
 * "on Nov 3", "last Tuesday", "2026-02-12". A month and day without a year that would lie in the
 * future means last year's; an explicit future date is reported as `future` (the caller refuses it).
 * No date in the text means today.
 */
export function readCompletionDate(text: string, now: DateTime, zone: string): DateReading {
  const local = now.setZone(zone);
  const today = local.toISODate() ?? '';
  const results = chrono.parse(text, { instant: now.toJSDate(), timezone: local.offset }, { forwardDate: false });
  for (const result of results) {
    if (!isDay(result) || TIME_ONLY.test(result.text)) continue;
    const date = dayOf(result, today);
    if (!date) continue;
    if (date > today) return { kind: 'future', date, text: result.text };
    return { kind: 'stated', date, text: result.text, start: result.index, end: result.index + result.text.length };
  }
  return { kind: 'defaulted', date: today };
}

/**
 * chrono guesses a missing year (and reads "last night") from the system clock's zone, and picks
 * the NEAREST weekday, which may be ahead. So: "last night" is yesterday here; a weekday alone
 * ahead of today is last week's; a month and day without a year is the latest such date up to
 * today (Feb 29 → the last leap year's).
 */
function dayOf(result: chrono.ParsedResult, today: IsoDate): IsoDate | null {
  const start = result.start;
  if (/^last\s*night\b/i.test(result.text.trim())) return addDays(today, -1);
  const date = isoOf(start.get('year'), start.get('month'), start.get('day'));
  if (!start.isCertain('day')) return date && date > today ? addDays(date, -7) : date;
  if (start.isCertain('year')) return date;
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear; year >= thisYear - 8; year -= 1) {
    const candidate = isoOf(year, start.get('month'), start.get('day'));
    if (candidate && candidate <= today) return candidate;
  }
  return null;
}

function isDay(result: chrono.ParsedResult): boolean {
  return result.start.isCertain('day') || result.start.isCertain('weekday');
}

function isoOf(year: number | null, month: number | null, day: number | null): IsoDate | null {
  if (year === null || month === null || day === null) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
