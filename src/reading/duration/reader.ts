import { hoursWord, result } from './explain.ts';
import { formatNumber, parseNumber, scale, type Rational } from './numbers.ts';
import { unitFactor, unitOf, type Unit } from './units.ts';

/** What one pattern made of its match: the exact length in minutes and how it got there. */
export interface Quantity {
  readonly exact: Rational;
  readonly how: string;
}

export type Groups = Readonly<Partial<Record<string, string>>>;

/**
 * One way a length can be written. `read` gets the named groups of a match on the normalised
 * text and the ORIGINAL text of the match (for the explanation); null rejects the match.
 */
export interface Reader {
  readonly name: string;
  readonly pattern: RegExp;
  /** Literal words of which every match contains one (see `canMatch`); absent: always run. */
  readonly needs?: readonly string[];
  read(groups: Groups, span: string): Quantity | null;
}

export function reader(name: string, source: string, read: Reader['read'], needs?: readonly string[]): Reader {
  return needs ? { name, pattern: new RegExp(source, 'g'), needs, read } : { name, pattern: new RegExp(source, 'g'), read };
}

/**
 * False when `text` holds none of the words a pattern cannot match without, so the (much slower)
 * pattern need not run. A speed-up only: a pattern without `needs` always runs. Masking only turns
 * characters into MASK, so a check on the normalised text also holds for its masked copies.
 */
export function canMatch(needs: readonly string[] | undefined, text: string): boolean {
  return needs === undefined || needs.some((word) => text.includes(word));
}

export interface Amount {
  readonly value: Rational;
  readonly unit: Unit;
  readonly exact: Rational;
}

/** "1.5" + "hours" → 90 minutes exactly. */
export function amount(numberText: string | undefined, unitText: string | undefined): Amount | null {
  if (numberText === undefined || unitText === undefined) return null;
  const value = parseNumber(numberText);
  if (value === null) return null;
  const unit = unitOf(unitText);
  const [factor, divisor] = unitFactor(unit);
  return { value, unit, exact: scale(value, factor, divisor) };
}

/** "1 hour × 60 = 60 minutes", "40 minutes", "90 seconds = 1 minute 30 seconds, rounded down …". */
export function describeAmount(a: Amount): string {
  if (a.unit === 'hour') return `${hoursWord(a.value)} × 60 = ${result(a.exact)}`;
  if (a.unit === 'second') return `${formatNumber(a.value)} seconds = ${result(a.exact)}`;
  return result(a.exact);
}
