import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';
import { addDays, type IsoDate } from '../domain/dates.ts';
import { dayOf, isDay, unreadableDay } from './calendar-day.ts';
import { yesterdayTypo } from './date-typos.ts';
import { impossibleNumericDate } from './numeric-date.ts';

export type DateReading =
  | { readonly kind: 'stated'; readonly date: IsoDate; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'defaulted'; readonly date: IsoDate }
  | { readonly kind: 'future'; readonly date: IsoDate; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'invalid'; readonly text: string }
  /** Words that name a time but not a day ("last month"): the bot asks which day, never assumes today. */
  | { readonly kind: 'vague'; readonly text: string; readonly start: number; readonly end: number };

/** Relative-time phrases ("in 60 minutes") are lengths or clock times, never a completion day. */
const TIME_ONLY = /\b(min(ute)?s?|h(ou)?rs?|hours?|seconds?|secs?)\b/i;

/** Periods that hold many days; chrono reads some of them as a month without a day, some not at all. */
const VAGUE =
  /\b(?:(?:last|this|past|previous)\s+(?:month|year|summer|spring|fall|autumn|winter|quarter)|earlier\s+this\s+(?:week|month|year)|a\s+(?:few|couple(?:\s+of)?)\s+(?:weeks|months)\s+ago|a\s+(?:month|year)\s+ago|a\s+while\s+(?:ago|back)|recently)\b/i;

/**
 * The day a training was completed, read in the person's zone relative to `now`: "yesterday",
 * "on Nov 3", "last Tuesday", "3 days ago", "2026-02-12". Without a year it is the latest such day;
 * an explicit future date is reported as `future` and a day that does not exist ("Feb 30") as
 * `invalid` (the caller refuses both). No date in the text means today.
 */
export function readCompletionDate(text: string, now: DateTime, zone: string): DateReading {
  return readCompletionDateAt(text, now, now.setZone(zone));
}

/** The same, with `now` already in the person's zone (`local`): the zone's offset is computed once per message. */
export function readCompletionDateAt(text: string, now: DateTime, local: DateTime): DateReading {
  const today = local.toISODate() ?? '';
  // Before chrono-node, which reads "2026-13-01" as Jan 13 and drops "11/31/2026" (then: today).
  const impossible = impossibleNumericDate(text);
  if (impossible) return { kind: 'invalid', text: impossible };
  const results = chrono.parse(text, { instant: now.toJSDate(), timezone: local.offset }, { forwardDate: false });
  const loose = VAGUE.exec(text);
  for (const result of results) {
    if (!isDay(result) || TIME_ONLY.test(result.text)) continue;
    // chrono makes "a few weeks ago" three weeks ago: a guess at the day, which the person is asked instead.
    if (loose && result.index < loose.index + loose[0].length && loose.index < result.index + result.text.length) continue;
    const date = dayOf(result, today, 'past');
    if (!date) continue;
    if (date > today) return { kind: 'future', date, text: result.text, start: result.index, end: result.index + result.text.length };
    return { kind: 'stated', date, text: result.text, start: result.index, end: result.index + result.text.length };
  }
  if (loose) return vague(loose[0], loose.index);
  const typo = yesterdayTypo(text);
  if (typo) return { kind: 'stated', date: addDays(today, -1), ...typo };
  const unread = unreadableDay(text, today);
  if (unread && 'invalid' in unread) return { kind: 'invalid', text: unread.invalid };
  if (unread) {
    const start = text.indexOf(unread.text);
    return { kind: 'stated', date: unread.date, text: unread.text, start, end: start + unread.text.length };
  }
  return { kind: 'defaulted', date: today };
}

function vague(text: string, start: number): DateReading {
  return { kind: 'vague', text, start, end: start + text.length };
}
