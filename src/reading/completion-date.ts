import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';
import { addMonths, isIsoDate, type IsoDate } from '../domain/dates.ts';

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
    const date = isoOf(result.start);
    if (!date) continue;
    const yearStated = result.start.isCertain('year');
    const adjusted = !yearStated && date > today ? addMonths(date, -12) : date;
    if (adjusted > today) return { kind: 'future', date: adjusted, text: result.text };
    return { kind: 'stated', date: adjusted, text: result.text, start: result.index, end: result.index + result.text.length };
  }
  return { kind: 'defaulted', date: today };
}

function isDay(result: chrono.ParsedResult): boolean {
  return result.start.isCertain('day') || result.start.isCertain('weekday');
}

function isoOf(components: chrono.ParsedComponents): IsoDate | null {
  const year = components.get('year');
  const month = components.get('month');
  const day = components.get('day');
  if (year === null || month === null || day === null) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
