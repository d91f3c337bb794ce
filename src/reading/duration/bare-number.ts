/**
 * A bare number is a length only when the bot has just asked "how long was it?". Anywhere else
 * it is a code, a year or a count (the `doing-time` crate's "90" → 90 min is the trap).
 */
import { withApproximation } from './explain.ts';
import { NUM_WORD, parseNumber } from './numbers.ts';
import { normalise, originalRange } from './normalise.ts';
import type { DurationCandidate } from './types.ts';
import { APPROXIMATE_BEFORE } from './scan.ts';

// Whole numbers only: "1.5" in answer to "how long?" is more likely hours than 1 minute, so it is
// left for the bot to ask about again.
const BARE = new RegExp(String.raw`^( ?)(${APPROXIMATE_BEFORE})?(\d{1,4}|${NUM_WORD})(?: ?[.!])? ?$`);

/** "1:30" or "29:59" alone, as the answer to "how long was it?". */
const BARE_CLOCK = /^\s*(\d{1,3}):([0-5]\d)(?::([0-5]\d))?\s*$/;

/**
 * A clock-style answer: H:MM when the first field can be hours ("1:30" = 90 min, as B6 reads a
 * length), M:SS when it cannot ("29:59" = 29 min 59 s, rounded down to 29 min, B7); H:MM:SS always.
 */
function readBareClock(input: string): DurationCandidate | null {
  const m = BARE_CLOCK.exec(input);
  if (!m?.[1] || !m[2]) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
  const asHours = c !== null || a <= 23;
  const seconds = asHours ? (a * 60 + b) * 60 + (c ?? 0) : a * 60 + b;
  const minutes = Math.floor(seconds / 60);
  const text = input.trim();
  const parts = asHours ? `${a} h ${b} min${c === null ? '' : ` ${c} s`}` : `${a} min ${b} s`;
  const total = seconds % 60 === 0 ? `= ${minutes} minutes` : `, rounded down to ${minutes} minutes`;
  const start = input.indexOf(text);
  return { minutes, text, start, end: start + text.length, how: `${text}, the answer to “how long was it?”, is ${parts}${total.startsWith('=') ? ' ' : ''}${total}`, approximate: false };
}

export function readBareNumber(input: string): DurationCandidate | null {
  const clock = readBareClock(input);
  if (clock) return clock;
  const norm = normalise(input);
  const m = BARE.exec(norm.text);
  const numberText = m?.[3];
  if (!m || numberText === undefined) return null;
  const value = parseNumber(numberText);
  if (value === null) return null;
  const approx = m[2] ?? '';
  const start = (m[1] ?? '').length;
  const original = originalRange(norm, start, start + approx.length + numberText.length);
  const minutes = value.n / value.d;
  const how = `${input.slice(original.start + approx.length, original.end)}, the answer to “how long was it?”, is read as ${minutes === 1 ? '1 minute' : `${minutes} minutes`}`;
  return {
    minutes,
    text: input.slice(original.start, original.end),
    start: original.start,
    end: original.end,
    how: approx === '' ? how : withApproximation(how, approx),
    approximate: approx !== '',
  };
}
