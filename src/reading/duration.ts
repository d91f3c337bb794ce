/**
 * The length of ONE training activity, in whole minutes, from free text: MLN titles pasted by
 * users and chat messages. Pure and dependency-free. Rules: domain.md §2.3–2.5, §5 (B6, B7, B8,
 * B11, B22, B23) and §6.
 */
import { readBareNumber } from './duration/bare-number.ts';
import { scanDurations } from './duration/scan.ts';

export interface DurationCandidate {
  /** Whole minutes, rounded DOWN (seconds and fractions of a minute are dropped). */
  minutes: number;
  /** The exact span of the original input it was read from. */
  text: string;
  /** Index of that span in the original input (so callers can cut it out of a title). */
  start: number;
  end: number;
  /** A short explanation of the conversion for the user, e.g. "1.5 hours × 60 = 90 minutes". */
  how: string;
  /** "about", "approx.", "~", "estimated", "around" … in front. */
  approximate: boolean;
}

export type DurationReading =
  | { kind: 'found'; duration: DurationCandidate }
  | { kind: 'missing' }
  | { kind: 'ambiguous'; candidates: DurationCandidate[] };

export interface ReadDurationOptions {
  /** When the bot has just asked "how long was it?", a bare number ("45", "90") is an answer in minutes. Default false: bare numbers are NEVER durations. */
  bareNumberIsMinutes?: boolean;
}

/**
 * One duration per activity (B8): the same value stated twice ("1 hour (60 minutes)") is one
 * reading; two different values are ambiguous and the bot asks. A bare number or a CEU count is
 * never guessed at (B22, B23).
 */
export function readDuration(text: string, options: ReadDurationOptions = {}): DurationReading {
  const candidates = scanDurations(text);
  if (candidates.length === 0) {
    const bare = options.bareNumberIsMinutes === true ? readBareNumber(text) : null;
    return bare === null ? { kind: 'missing' } : { kind: 'found', duration: bare };
  }
  const distinct: DurationCandidate[] = [];
  for (const candidate of candidates) {
    const existing = distinct.find((d) => d.minutes === candidate.minutes);
    if (existing === undefined) distinct.push(candidate);
    else if (candidate.approximate) existing.approximate = true;
  }
  const [only] = distinct;
  if (distinct.length === 1 && only !== undefined) return { kind: 'found', duration: only };
  return { kind: 'ambiguous', candidates: distinct };
}
