/** Number-plus-unit lengths: "45 min", "1.5-hour", "1 hr 15 min", "1h30", "40–50 min". */
import { fromHours, fromMinutes, fromParts, fromPhrase, fromRange } from './explain.ts';
import { add, formatNumber, isWhole, lessThan, NUM, NUM_START, parseCount, scale, whole, type Rational } from './numbers.ts';
import { amount, describeAmount, reader, type Groups, type Quantity, type Reader } from './reader.ts';
import { HOUR_CORE, HOUR_UNIT, MINUTE_CORE, MINUTE_UNIT, SECOND_UNIT, TO_UNIT } from './units.ts';

const PART_SEP = String.raw`(?: ?(?:,|&|and) ?| ?)`;
const HOUR_PART = String.raw`(?<h>${NUM}|an?(?= (?:hour|hr)))${TO_UNIT}${HOUR_CORE}(?![a-z])`;
const MINUTE_PART = String.raw`(?<m>${NUM})${TO_UNIT}${MINUTE_CORE}(?![a-z])`;
const SECOND_PART = String.raw`(?<s>${NUM})${TO_UNIT}${SECOND_UNIT}`;
const RANGE_SEP = String.raw` ?(?:-|–|to|till|until|through|thru) ?`;
// What a pattern cannot match without (see `canMatch`): SECOND_UNIT always holds "sec", and
// RANGE_SEP one of these ("till" and "until" hold "til", "through" and "thru" hold "thr").
const SECOND_WORDS = ['sec'];
const RANGE_SEP_WORDS = ['-', '–', 'to', 'til', 'thr'];
const RANGE_UNIT = `${HOUR_UNIT}|${MINUTE_UNIT}|${SECOND_UNIT}`;
const RANGE_TAIL = String.raw`(?<hi>${NUM})${TO_UNIT}(?<hu>${RANGE_UNIT})`;

/** Between a length and its second guess: a comma, "…", "?", a dash or bracket, and "or so". */
const GUESS_SEP = String.raw`(?: or so)?(?:,|\.{2,}|…|\?|;| ?[-–—(])? ?`;
/** The words that make the next number a second guess ("or" alone too: "1 hour or 2"). */
const HEDGE = String.raw`(?:not sure,? )?(?:(?:or )?(?:maybe|perhaps|possibly|probably|more like|could (?:have been|be)|might (?:have been|be)|i think|i guess)|or)`;
const HEDGE_WORDS = ['maybe', 'perhaps', 'possibly', 'probably', 'more like', 'could', 'might', 'i think', 'i guess', ' or '];
/**
 * After the second guess: the end of the clause, or a word that is not a unit of its own ("maybe 50
 * yesterday"); "maybe 50 min" is read by the plain minutes reader, "maybe 50 people" is no length.
 */
const GUESS_END = String.raw`(?= ?(?:[,.;!?)]|$)| (?!(?:${RANGE_UNIT})|\d|%|percent|people|attendees|participants|questions|slides|pages|ceus?\b|ce\b|cme\b|credits?\b))`;

function secondGuess(g: Groups, span: string): Quantity | null {
  const a = amount(g['q'], g['u']);
  return a && { exact: a.exact, how: `${span} (a second length given after the first): ${describeAmount(a)}` };
}

function simple(name: string, unit: string, explain: (span: string, q: Rational, exact: Rational) => string, needs?: readonly string[]): Reader {
  const read = (g: Groups, span: string): Quantity | null => {
    const a = amount(g['q'], g['u']);
    return a && { exact: a.exact, how: explain(span, a.value, a.exact) };
  };
  return reader(name, `${NUM_START}(?<q>${NUM})${TO_UNIT}(?<u>${unit})`, read, needs);
}

/** Hours, minutes and seconds of one compound; null when the parts cannot belong together. */
function compound(g: Groups, span: string): Quantity | null {
  const hours = parseCount(g['h']);
  const minutes = parseCount(g['m']);
  const seconds = parseCount(g['s']);
  if (hours !== null && !isWhole(hours)) return null;
  if (hours !== null && minutes !== null && !lessThan(minutes, whole(60))) return null;
  if (seconds !== null && !lessThan(seconds, whole(60))) return null;
  let exact = whole(0);
  const parts: string[] = [];
  if (hours !== null) {
    exact = add(exact, scale(hours, 60));
    parts.push(formatNumber(scale(hours, 60)));
  }
  if (minutes !== null) {
    exact = add(exact, minutes);
    parts.push(formatNumber(minutes));
  }
  if (seconds !== null) {
    exact = add(exact, scale(seconds, 1, 60));
    parts.push(`${formatNumber(seconds)} s`);
  }
  return { exact, how: fromParts(span, parts, exact) };
}

function range(g: Groups, span: string): Quantity | null {
  const upper = amount(g['hi'], g['hu']);
  const lower = amount(g['lo'], g['lu'] ?? g['hu']);
  if (upper === null || lower === null || !lessThan(lower.exact, upper.exact)) return null;
  return { exact: lower.exact, how: fromRange(span, describeAmount(lower)) };
}

export const COMPOUND_READERS: readonly Reader[] = [
  reader('hours-minutes-seconds', `${NUM_START}${HOUR_PART}${PART_SEP}${MINUTE_PART}(?:${PART_SEP}${SECOND_PART})?`, compound),
  reader('minutes-seconds', `${NUM_START}${MINUTE_PART}${PART_SEP}${SECOND_PART}`, compound, SECOND_WORDS),
  // "1h30", "1hr30", and "1 hour 30" at the end of a clause: the digits after the hour token are
  // minutes, never more hours (quickwit #857).
  reader('hours-then-minutes', String.raw`${NUM_START}(?<h>\d{1,2}) ?${HOUR_CORE}(?<m>[0-5]\d)(?: ?${MINUTE_UNIT})?(?![a-z0-9:\/]|\.\d)`, compound),
  reader('hours-space-minutes', String.raw`${NUM_START}(?<h>\d{1,2}) ?${HOUR_CORE} (?<m>[0-5]\d)(?![a-z0-9:\/]|\.\d| ?[a-z0-9(])`, compound),
];

export const RANGE_READERS: readonly Reader[] = [
  // "30 or 45 minutes": the first number borrows the unit and stays a separate candidate, so the
  // text is ambiguous rather than silently the larger value.
  reader('either-or', String.raw`${NUM_START}(?<q>${NUM})(?= or ${NUM}${TO_UNIT}(?<u>${RANGE_UNIT}))`, (g, span) => {
    const a = amount(g['q'], g['u']);
    return a && { exact: a.exact, how: `${span} (the first of two lengths given with “or”): ${describeAmount(a)}` };
  }, [' or ']),
  // "45 min, maybe 50", "1 hour or 2", "45 min, probably 50 yesterday", "45 min (maybe 50)": a second
  // number after a length and a hedge borrows the length's unit and is a candidate of its own, so the
  // bot asks which instead of taking the first (or reading "maybe 50" as something else).
  reader('second-guess', String.raw`(?<=${NUM}${TO_UNIT}(?<u>${RANGE_UNIT})${GUESS_SEP}${HEDGE} )(?<q>${NUM})${GUESS_END}`, secondGuess, HEDGE_WORDS),
  // "45 min, 50 tops": the same, the hedge after the number.
  reader('second-guess-tops', String.raw`(?<=${NUM}${TO_UNIT}(?<u>${RANGE_UNIT}),? )(?<q>${NUM})(?= tops\b)`, secondGuess, ['tops']),
  reader('range', `${NUM_START}(?<lo>${NUM})(?:${TO_UNIT}(?<lu>${HOUR_UNIT}|${MINUTE_UNIT}))?${RANGE_SEP}${RANGE_TAIL}`, range, RANGE_SEP_WORDS),
  reader('between-range', String.raw`\bbetween (?<lo>${NUM})(?:${TO_UNIT}(?<lu>${HOUR_UNIT}|${MINUTE_UNIT}))? and ${RANGE_TAIL}`, range),
];

export const SIMPLE_READERS: readonly Reader[] = [
  simple('hours', HOUR_UNIT, fromHours),
  simple('minutes', MINUTE_UNIT, (span, _q, exact) => fromMinutes(span, exact)),
  simple('seconds', SECOND_UNIT, (span, _q, exact) => fromPhrase(span, exact), SECOND_WORDS),
];
