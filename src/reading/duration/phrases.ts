/** Lengths written in words, in CE units, or as ISO 8601 LMS metadata. */
import { fromPhrase, result } from './explain.ts';
import { add, formatNumber, isWhole, NUM, NUM_DIGITS, NUM_START, parseCount, parseNumber, scale, whole, type Rational } from './numbers.ts';
import { reader, type Groups, type Quantity, type Reader } from './reader.ts';
import { TO_UNIT } from './units.ts';

const HOUR_WORD = String.raw`(?:hours?|hrs?\.?)`;
const ONE_HOUR = String.raw`(?:hour|hr)(?![a-z0-9])`;
const CE_KIND = String.raw`(?:contact|ce|cme|cne|continuing education)`;
// What a pattern cannot match without (see `canMatch`): CE_KIND is always followed by a space.
const CE_KIND_WORDS = ['contact ', 'ce ', 'cme ', 'cne ', 'education '];
const IACET_WORDS = ['iacet'];

function fixed(name: string, source: string, minutes: number): Reader {
  return reader(name, source, (_g, span) => ({ exact: whole(minutes), how: fromPhrase(span, whole(minutes)) }));
}

/** Number group `q` times a fixed number of minutes, explained by `explain`. */
function times(name: string, source: string, factor: number, explain: (span: string, q: Rational, exact: Rational) => string, needs?: readonly string[]): Reader {
  const read = (g: Groups, span: string): Quantity | null => {
    const q = parseCount(g['q']);
    if (q === null) return null;
    const exact = scale(q, factor);
    return { exact, how: explain(span, q, exact) };
  };
  return reader(name, source, read, needs);
}

function andAFraction(g: Groups, span: string): Quantity | null {
  const q = parseCount(g['q']);
  if (q === null) return null;
  const exact = add(scale(q, 60), whole(g['f'] === 'quarter' ? 15 : 30));
  return { exact, how: fromPhrase(span, exact) };
}

function contactHours(span: string, q: Rational, exact: Rational): string {
  const stated = `${formatNumber(q)} contact ${formatNumber(q) === '1' ? 'hour' : 'hours'}`;
  const plain = `${stated} × 60 = ${result(exact)}`;
  return span.toLowerCase() === stated ? plain : `${span} = ${plain}`;
}
const iacet = (_span: string, q: Rational, exact: Rational): string =>
  `${formatNumber(q)} IACET CEU × 600 = ${result(exact)} (an IACET CEU is 10 contact hours)`;

export const CE_READERS: readonly Reader[] = [
  times('contact-hours', String.raw`${NUM_START}(?<q>${NUM})${TO_UNIT}${CE_KIND} (?:credit )?${HOUR_WORD}(?:\(s\))?(?![a-z0-9])`, 60, contactHours, CE_KIND_WORDS),
  // The label form needs its colon: in "1 contact hour 0.1 CEU" the 0.1 is not a number of hours.
  times('contact-hours-label', String.raw`\b${CE_KIND} (?:credit )?${HOUR_WORD}(?:\(s\))? ?[:=] ?(?<q>${NUM_DIGITS})(?![\d\/])`, 60, contactHours),
  times('contact-minutes', String.raw`${NUM_START}(?<q>${NUM})${TO_UNIT}contact (?:minutes?|mins?\.?)(?![a-z0-9])`, 1,
    (span, _q, exact) => `${span} = ${result(exact)}`, ['contact']),
  times('iacet-ceu', String.raw`${NUM_START}(?<q>${NUM_DIGITS}) ?(?:iacet ceus?|ceus? ?\(iacet\)|iacet continuing education units?)(?![a-z])`, 600, iacet, IACET_WORDS),
  // "0.1 CEU": a CEU count below 1 can only be an IACET CEU (an ACMSS award is 0.5 or more), so it
  // is read as IACET (0.1 CEU = 60 min). "1 CEU" stays unread: it may be the ACMSS unit (B22).
  times('ceu-fraction', String.raw`${NUM_START}(?<q>0?\.\d{1,3}) ?ceus?(?![a-z])`, 600, (span, q, exact) =>
    `${span} = ${formatNumber(q)} IACET CEU × 600 = ${result(exact)} (a CEU below 1 is an IACET CEU: 10 contact hours)`, ['ceu']),
  times('iacet-ceu-label', String.raw`\biacet ceus? ?[:=] ?(?<q>${NUM_DIGITS})(?![\d\/])`, 600, iacet, IACET_WORDS),
];

/** Phrases that contain "an hour" must be read before the plain "an hour" reader sees them. */
export const WORD_READERS: readonly Reader[] = [
  reader('hours-and-a-half', String.raw`${NUM_START}(?<q>${NUM}|an?) ${HOUR_WORD} and a (?<f>half|quarter)(?![a-z])`, andAFraction, [' and a ']),
  reader('and-a-half-hours', String.raw`${NUM_START}(?<q>${NUM}) and (?:a |one )?(?<f>half|quarter)${TO_UNIT}${HOUR_WORD}(?![a-z])`, andAFraction, ['half', 'quarter']),
  times('fraction-of-an-hour', `${NUM_START}(?<q>${NUM_DIGITS}) of an? ${ONE_HOUR}`, 60, (span, _q, exact) => fromPhrase(span, exact)),
  fixed('half-hour', String.raw`\b(?:(?:a|one) )?half(?: an?| of an?)?${TO_UNIT}${ONE_HOUR}`, 30),
  fixed('three-quarters-hour', String.raw`\bthree${TO_UNIT}quarters?(?: of)?(?: an?)?${TO_UNIT}${ONE_HOUR}`, 45),
  fixed('quarter-hour', String.raw`\b(?:(?:a|one) )?quarter(?: of)?(?: an?)?${TO_UNIT}${ONE_HOUR}`, 15),
];

/** Read after the number readers, so that "two-hour-long" stays 120 and "an hour and 15 minutes" 75. */
export const LATE_WORD_READERS: readonly Reader[] = [
  fixed('an-hour', String.raw`\ban? ${ONE_HOUR}`, 60),
  fixed('hour-long', String.raw`\bhour[ -]long(?![a-z])`, 60),
];

function iso(g: Groups, span: string): Quantity | null {
  const fields: ReadonlyArray<readonly [string, number, number, string]> = [
    ['d', 1440, 1, 'day'], ['h', 60, 1, 'hour'], ['m', 1, 1, 'minute'], ['s', 1, 60, 'second'],
  ];
  let exact = whole(0);
  const parts: string[] = [];
  for (const [key, factor, divisor, label] of fields) {
    const raw = g[key];
    const value = raw === undefined ? null : parseNumber(raw);
    if (value === null) continue;
    exact = add(exact, scale(value, factor, divisor));
    parts.push(`${formatNumber(value)} ${label}${formatNumber(value) === '1' ? '' : 's'}`);
  }
  if (parts.length === 0) return null;
  const sum = parts.length > 1 || !isWhole(exact) || parts[0] !== result(exact) ? ` = ${parts.join(' + ')}` : '';
  return { exact, how: `${span} (ISO 8601)${sum} = ${result(exact)}` };
}

const ISO_FIELD = String.raw`\d+(?:\.\d+)?`;
export const ISO_READER: Reader = reader(
  'iso-8601',
  String.raw`(?<![a-z0-9])p(?:(?<d>\d+)d)?t(?:(?<h>${ISO_FIELD})h)?(?:(?<m>${ISO_FIELD})m)?(?:(?<s>${ISO_FIELD})s)?(?![a-z0-9])`,
  iso,
);
