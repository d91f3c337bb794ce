/**
 * Lower-cases and canonicalises the text the patterns run on while remembering, for every
 * character, where it came from: candidates must report spans of the ORIGINAL input so callers
 * can cut the length out of a title.
 */

export interface Normalised {
  readonly text: string;
  /** For each character of `text`, the index of the original character it came from. */
  readonly from: readonly number[];
  /** For each character of `text`, the end (exclusive) of the original character(s) it came from. */
  readonly to: readonly number[];
}

/** Stands in for text that must never be read as a length (distractors, lengths already read). */
export const MASK = '\u0000';

const HYPHENS = '\u2010\u2011\u2212\ufe63\uff0d';
// En and em dashes stay distinct from the hyphen: "Training — 45 min" separates a title from its
// length, while "CMS-1500" glues a code together.
const DASHES = '\u2012\u2013\u2014\u2015\ufe58';
const TILDES = '\u223c\u301c\uff5e';
const VULGAR: Readonly<Record<string, string>> = {
  '½': '1/2', '⅓': '1/3', '⅔': '2/3', '¼': '1/4', '¾': '3/4', '⅕': '1/5', '⅖': '2/5',
  '⅗': '3/5', '⅘': '4/5', '⅙': '1/6', '⅚': '5/6', '⅛': '1/8', '⅜': '3/8', '⅝': '5/8', '⅞': '7/8',
};

/** ASCII, by far the common case: capitals lower-cased, the six ASCII whitespace characters (`\s`) a space. */
const ASCII: readonly string[] = Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  return /\s/.test(ch) ? ' ' : ch.toLowerCase();
});

function canonical(ch: string): string {
  const ascii = ASCII[ch.charCodeAt(0)];
  if (ascii !== undefined) return ascii;
  if (HYPHENS.includes(ch)) return '-';
  if (DASHES.includes(ch)) return '–';
  if (TILDES.includes(ch)) return '~';
  if (ch === '\u2044') return '/';
  if (/\s/.test(ch)) return ' ';
  const lower = ch.toLowerCase();
  // Lower-casing that changes the length ("İ") would shift every later index; such letters never
  // take part in a length, so they are kept as they are.
  return lower.length === 1 ? lower : ch;
}

export function normalise(input: string): Normalised {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const push = (text: string, start: number, end: number): void => {
    for (const ch of text) {
      out.push(ch);
      from.push(start);
      to.push(end);
    }
  };
  for (let i = 0; i < input.length; i++) {
    const raw = input.charAt(i);
    const fractionText = VULGAR[raw];
    const prev = out[out.length - 1];
    if (fractionText !== undefined) {
      // "1½" becomes "1 1/2", the mixed-number form the number pattern already reads.
      push(prev !== undefined && /\d/.test(prev) ? ` ${fractionText}` : fractionText, i, i + 1);
      continue;
    }
    const ch = canonical(raw);
    // Runs of spaces collapse to one so that no pattern ever backtracks over long whitespace.
    if (ch === ' ' && prev === ' ') {
      to[to.length - 1] = i + 1;
      continue;
    }
    // canonical() returns one UTF-16 unit here (it keeps a letter whose lower case is longer).
    out.push(ch);
    from.push(i);
    to.push(i + 1);
  }
  return { text: out.join(''), from, to };
}

/** The original [start, end) of the normalised span [start, end). */
export function originalRange(norm: Normalised, start: number, end: number): { start: number; end: number } {
  return { start: norm.from[start] ?? 0, end: norm.to[end - 1] ?? norm.from[start] ?? 0 };
}

export function maskRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + MASK.repeat(end - start) + text.slice(end);
}
