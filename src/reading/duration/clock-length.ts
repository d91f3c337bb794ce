/**
 * Clock-style lengths, H:MM or H:MM:SS ("Runtime: 00:55:00", "(1:30)"). Without a cue such as
 * "ran" or "length" the same digits are a time of day ("at 2:30"), so the cue is required.
 * The first field is always hours (moment #981 read days first).
 */
import { result } from './explain.ts';
import { NUM_START, whole } from './numbers.ts';
import { reader, type Groups, type Quantity, type Reader } from './reader.ts';

const MAX_HOURS = 23;
const HMS = String.raw`(?<a>\d{1,2}):(?<b>[0-5]\d)(?::(?<c>[0-5]\d))?`;
const NOT_A_TIME_OF_DAY = String.raw`(?![\d:]| ?[ap]\.? ?m\b)`;
const CUE_BEFORE = String.raw`(?:ran|runs|run ?time|run-time|running time|total time|length|duration|lasted|lasts|took(?: me| us)?)`;
const CUE_AFTER = String.raw`(?: (?:length|long|runtime|run time|duration)(?![a-z])| ?(?:hours?|hrs?\.?|h)(?![a-z0-9]))`;

function readClock(g: Groups, span: string): Quantity | null {
  const hours = Number(g['a']);
  const minutes = Number(g['b']);
  // "ran 45:00" is minutes:seconds or a typo, not 45 hours; the bot asks instead of guessing.
  if (hours > MAX_HOURS) return null;
  const seconds = g['c'] === undefined ? null : Number(g['c']);
  const totalSeconds = (hours * 60 + minutes) * 60 + (seconds ?? 0);
  const exact = { n: totalSeconds, d: 60 };
  const parts = `${hours} h ${minutes} min${seconds === null ? '' : ` ${seconds} s`}`;
  return { exact: totalSeconds % 60 === 0 ? whole(totalSeconds / 60) : exact, how: `${span} is ${parts} = ${result(exact)}` };
}

export const CLOCK_LENGTH_READERS: readonly Reader[] = [
  reader('clock-length-after-cue', String.raw`\b${CUE_BEFORE}(?: ?[:=-] ?| of | for | )${HMS}${NOT_A_TIME_OF_DAY}`, readClock),
  reader('clock-length-before-cue', `${NUM_START}${HMS}${CUE_AFTER}`, readClock),
  reader('clock-length-in-parentheses', String.raw`\( ?${HMS} ?\)`, readClock),
];
