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

export function readBareNumber(input: string): DurationCandidate | null {
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
