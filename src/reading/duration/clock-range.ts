/**
 * Clock ranges ("1:30 – 3:00 pm ET", "9:30-12pm", "10 am to noon"): NPCs and MLN Connects calls
 * state their length this way. A lone clock time ("2pm", "at 2:30") is a start time, not a length.
 */
import { minutesWord } from './explain.ts';
import { NUM_START, whole } from './numbers.ts';
import { reader, type Groups, type Quantity, type Reader } from './reader.ts';
import { ANY_UNIT, TO_UNIT } from './units.ts';

type Meridiem = 'am' | 'pm';

interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  readonly meridiem: Meridiem | null;
  readonly colon: boolean;
  readonly midnight: boolean;
}

const DAY = 24 * 60;
const MERIDIEM = String.raw`[ap]\.? ?m\b\.?`;
const ZONE_NAME = String.raw`(?:[ecmp][sd]?t|utc|gmt|(?:eastern|central|mountain|pacific)(?: time)?)`;
const ZONE = String.raw`(?: ?\(?${ZONE_NAME}\)?(?![a-z]))?`;
const TRAILING_ZONE = new RegExp(String.raw`\s*\(?\b${ZONE_NAME}\)?$`, 'i');
const time = (k: string): string =>
  String.raw`(?:(?:12 ?)?(?<noon${k}>noon|midday|midnight)|(?<h${k}>\d{1,2})(?::(?<m${k}>[0-5]\d))?(?: ?(?<ap${k}>${MERIDIEM}))?)`;
const SEPARATOR = String.raw` ?(?:-|–|to|till|til|until|through|thru) ?`;

function clockTime(g: Groups, k: string): ClockTime | null {
  const noon = g[`noon${k}`];
  if (noon !== undefined) {
    const midnight = noon === 'midnight';
    return { hour: 12, minute: 0, meridiem: midnight ? null : 'pm', colon: true, midnight };
  }
  const hour = Number(g[`h${k}`]);
  const minute = Number(g[`m${k}`] ?? '0');
  const ap = g[`ap${k}`];
  const meridiem: Meridiem | null = ap === undefined ? null : ap.startsWith('a') ? 'am' : 'pm';
  if (meridiem !== null ? hour < 1 || hour > 12 : hour > 24) return null;
  return { hour, minute, meridiem, colon: g[`m${k}`] !== undefined, midnight: false };
}

/** Minutes after midnight; a time without a meridiem is read on the 24-hour clock. */
function at(t: ClockTime, meridiem: Meridiem | null): number {
  if (meridiem === null) return t.hour * 60 + t.minute;
  return ((t.hour % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + t.minute;
}

const other = (m: Meridiem): Meridiem => (m === 'am' ? 'pm' : 'am');

/** Readings of a time, earliest-preferred first; `hint` is the other end's meridiem. */
function readings(t: ClockTime, hint: Meridiem | null, isEnd: boolean): number[] {
  if (t.midnight) return [isEnd ? DAY : 0];
  if (t.meridiem !== null) return [at(t, t.meridiem)];
  if (t.hour > 12 || t.hour === 0) return [at(t, null)];
  if (hint !== null) return [at(t, hint), at(t, other(hint))];
  return isEnd ? [at(t, null), at(t, null) + 12 * 60] : [at(t, null)];
}

/**
 * Start and end in minutes after midnight. A missing meridiem is inferred: the same as the other
 * end's if that keeps the start before the end, else the other one ("9:30-12pm" is 9:30 am to
 * noon, 150 minutes, not 14.5 hours: tickbin #42).
 */
function resolve(a: ClockTime, b: ClockTime): readonly [number, number] | null {
  // "10 to midnight" means the evening.
  const starts = readings(a, b.midnight ? 'pm' : b.meridiem, false);
  const ends = readings(b, a.meridiem, true);
  for (const start of starts) {
    const end = ends.find((e) => e > start);
    if (end !== undefined) return [start, end];
  }
  const [start, end] = [starts[0], ends[0]];
  // "11pm-1am" runs past midnight; only explicit meridiems on both ends say so.
  if (a.meridiem !== null && b.meridiem !== null && start !== undefined && end !== undefined && end < start) {
    return [start, end + DAY];
  }
  return null;
}

function label(minutes: number): string {
  const m = minutes % DAY;
  const hour = Math.floor(m / 60);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}:${String(m % 60).padStart(2, '0')} ${hour < 12 ? 'am' : 'pm'}`;
}

function readRange(g: Groups, span: string): Quantity | null {
  const a = clockTime(g, '1');
  const b = clockTime(g, '2');
  if (a === null || b === null) return null;
  // "2-3" alone is a pair of numbers (a range of items, a code range), not a time of day.
  if (!a.colon && !b.colon && a.meridiem === null && b.meridiem === null) return null;
  const resolved = resolve(a, b);
  if (resolved === null) return null;
  const [start, end] = resolved;
  const minutes = end - start;
  if (minutes <= 0) return null;
  const clock = span.replace(TRAILING_ZONE, '');
  return { exact: whole(minutes), how: `${clock} is a span of ${minutesWord(minutes)} (${label(start)} to ${label(end)})` };
}

export const CLOCK_RANGE_READER: Reader = reader(
  'clock-range',
  `${NUM_START}${time('1')}${SEPARATOR}${time('2')}(?![\d:]|${TO_UNIT}${ANY_UNIT})${ZONE}`,
  readRange,
);
