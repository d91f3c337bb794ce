/**
 * Runs the readers over one text, most specific first. Each accepted match is masked, so a
 * compound ("1 hr 15 min") or a range ("40–50 min") is one candidate and its parts are never
 * read again on their own.
 */
import { CLOCK_LENGTH_READERS } from './clock-length.ts';
import { CLOCK_RANGE_READER } from './clock-range.ts';
import { maskDistractors } from './distractors.ts';
import { withApproximation } from './explain.ts';
import { floorOf } from './numbers.ts';
import { maskRange, normalise, originalRange, type Normalised } from './normalise.ts';
import { CE_READERS, ISO_READER, LATE_WORD_READERS, WORD_READERS } from './phrases.ts';
import { COMPOUND_READERS, RANGE_READERS, SIMPLE_READERS } from './quantities.ts';
import type { DurationCandidate } from './types.ts';
import { canMatch, type Quantity, type Reader } from './reader.ts';

/** Most specific first: a later reader never sees what an earlier one has read. */
const READERS: readonly Reader[] = [
  ISO_READER,
  CLOCK_RANGE_READER,
  ...CLOCK_LENGTH_READERS,
  ...CE_READERS,
  ...WORD_READERS,
  ...COMPOUND_READERS,
  ...RANGE_READERS,
  ...SIMPLE_READERS,
  ...LATE_WORD_READERS,
];

/**
 * Words that make a stated length approximate. "less than" and "up to" are here too: the number is
 * then not exact either, and the flag makes the bot's echo ask for confirmation.
 */
export const APPROXIMATE_BEFORE = String.raw`(?:\b(?:about|approx\.?|approximately|appx\.?|around|roughly|estimated(?: (?:time|length|duration)(?: to complete)?)?|est\.|circa|ca\.|nearly|almost|just (?:over|under)|over|under|more than|less than|at least|up to)|~|≈|±)(?: ?:)? ?`;
const BEFORE = new RegExp(`${APPROXIMATE_BEFORE}$`);
const AFTER = /^(?: or so\b| ?-?ish\b| \(?(?:approx\.?|approximately|est\.|estimated)(?![a-z])\)?)/;
const LOOKBACK = 30;

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly quantity: Quantity;
}

function findHits(norm: Normalised, input: string): Hit[] {
  let text = maskDistractors(norm.text);
  const hits: Hit[] = [];
  for (const { pattern, read, needs } of READERS) {
    if (!canMatch(needs, norm.text)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const original = originalRange(norm, start, end);
      const quantity = end > start ? read(m.groups ?? {}, input.slice(original.start, original.end)) : null;
      if (quantity === null) {
        // A rejected match may hide a shorter valid one that starts inside it.
        pattern.lastIndex = start + 1;
        continue;
      }
      hits.push({ start, end, quantity });
      text = maskRange(text, start, end);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Widen a hit over "about …" / "… or so" so that cutting the span out of a title removes both. */
function toCandidate(hit: Hit, norm: Normalised, input: string): DurationCandidate {
  const before = BEFORE.exec(norm.text.slice(Math.max(0, hit.start - LOOKBACK), hit.start));
  const after = AFTER.exec(norm.text.slice(hit.end));
  const start = hit.start - (before?.[0].length ?? 0);
  const end = hit.end + (after?.[0].length ?? 0);
  const original = originalRange(norm, start, end);
  const qualifier = [before?.[0], after?.[0]].filter((q) => q !== undefined).join(' … ');
  const approximate = before !== null || after !== null;
  return {
    minutes: floorOf(hit.quantity.exact),
    text: input.slice(original.start, original.end),
    start: original.start,
    end: original.end,
    how: approximate ? withApproximation(hit.quantity.how, qualifier) : hit.quantity.how,
    approximate,
  };
}

/** Every length stated in the text, left to right, after distractors are removed. */
export function scanDurations(input: string): DurationCandidate[] {
  const norm = normalise(input);
  return findHits(norm, input).map((hit) => toCandidate(hit, norm, input));
}
