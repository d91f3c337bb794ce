/**
 * Numbers as they appear next to time units: digits, decimals, fractions ("1 1/2", and "1½"
 * after normalising) and English number words up to one hundred and twenty-odd.
 *
 * Values are exact fractions so that "0.15 × 600" is 90, not 89.99999999999999, before the
 * rounding down the credit rule depends on.
 */

export interface Rational {
  readonly n: number;
  readonly d: number;
}

const SMALL: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const byLengthDesc = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const SMALL_WORD = `(?:${byLengthDesc(SMALL)})`;
const DIGIT_WORD = `(?:${byLengthDesc(SMALL.slice(1, 10))})`;
const TENS_WORD = `(?:${byLengthDesc(Object.keys(TENS))})(?:(?:-|\\s)?${DIGIT_WORD}(?![a-z]))?`;
const UNDER_100 = `(?:${TENS_WORD}|${SMALL_WORD})`;

/** "forty-five", "ninety", "one hundred twenty", "a hundred and ten". */
export const NUM_WORD = `(?:(?:(?:one|a)[\\s-])?hundred(?:[\\s-](?:and\\s)?${UNDER_100})?|${UNDER_100})(?![a-z])`;

/** "1 1/2", "1-1/2", "1/2", "1.25", ".5", "45". Fractions keep a one-digit numerator. */
export const NUM_DIGITS = String.raw`(?:\d+[ -][1-9]\/[1-9]\d?(?!\d)|[1-9]\/[1-9]\d?(?![\d\/])|\d*\.\d+|\d+)`;

export const NUM = `(?:${NUM_DIGITS}|${NUM_WORD})`;

/** Where a number may begin: not glued to a code ("CMS-1500", "G2211", "MLN006976", "$85", "424.507"). */
export const NUM_START = String.raw`(?<![\w.,\/:$#\u0000]|[a-z0-9]-)`;

// Longer numbers are ids, never lengths; the limits also keep every product a safe integer.
const MAX_DIGITS = 6;
const MAX_DECIMALS = 4;

export function parseNumber(raw: string): Rational | null {
  const text = raw.trim();
  if (/^[\d.]/.test(text)) return parseDigits(text);
  return parseWords(text);
}

/** A number group that may be absent, or the article in "an hour" (one). */
export function parseCount(raw: string | undefined): Rational | null {
  if (raw === undefined) return null;
  return /^an?$/.test(raw) ? { n: 1, d: 1 } : parseNumber(raw);
}

function parseDigits(text: string): Rational | null {
  const mixed = /^(\d+)[ -]+(\d)\/(\d+)$/.exec(text);
  if (mixed) return fraction(Number(mixed[1]), Number(mixed[2]), Number(mixed[3]), true);
  const simple = /^(\d)\/(\d+)$/.exec(text);
  if (simple) return fraction(0, Number(simple[1]), Number(simple[2]), true);
  const decimal = /^(\d*)(?:\.(\d+))?$/.exec(text);
  if (!decimal) return null;
  const whole = decimal[1] ?? '';
  const part = decimal[2] ?? '';
  if (whole.length > MAX_DIGITS || part.length > MAX_DECIMALS || whole.length + part.length === 0) return null;
  const d = 10 ** part.length;
  return { n: Number(whole || '0') * d + Number(part || '0'), d };
}

function fraction(whole: number, num: number, den: number, proper: boolean): Rational | null {
  if (den === 0 || (proper && num >= den)) return null;
  return { n: whole * den + num, d: den };
}

function parseWords(text: string): Rational | null {
  let total = 0;
  for (const word of text.split(/[\s-]+/)) {
    if (word === 'and' || word === '') continue;
    if (word === 'a') total = Math.max(total, 1);
    else if (word === 'hundred') total = (total === 0 ? 1 : total) * 100;
    else if (word in TENS) total += TENS[word] ?? 0;
    else {
      const small = SMALL.indexOf(word);
      if (small < 0) return null;
      total += small;
    }
  }
  return { n: total, d: 1 };
}

export function add(a: Rational, b: Rational): Rational {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function scale(a: Rational, factor: number, divisor = 1): Rational {
  return { n: a.n * factor, d: a.d * divisor };
}

export function whole(n: number): Rational {
  return { n, d: 1 };
}

/** Integer arithmetic, so that no floating-point error can round a boundary value up or down. */
export function floorOf(a: Rational): number {
  return (a.n - (a.n % a.d)) / a.d;
}

export function isWhole(a: Rational): boolean {
  return a.n % a.d === 0;
}

export function lessThan(a: Rational, b: Rational): boolean {
  return a.n * b.d < b.n * a.d;
}

/** "1.5", "0.25", "19.8": up to two decimals, for explanations only. */
export function formatNumber(a: Rational): string {
  if (isWhole(a)) return String(a.n / a.d);
  return (Math.floor((a.n / a.d) * 100 + 1e-9) / 100).toString();
}
