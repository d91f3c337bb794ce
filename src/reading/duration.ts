/**
 * The length of ONE training activity, in whole minutes, from free text: MLN titles pasted by
 * users and chat messages. Pure and dependency-free. Rules: domain.md §2.3–2.5, §5 (B6, B7, B8,
 * B11, B22, B23) and §6.
 */
import { readBareNumber } from './duration/bare-number.ts';
import { scanDurations } from './duration/scan.ts';
import type { DurationCandidate, DurationReading, ReadDurationOptions } from './duration/types.ts';

export type { DurationCandidate, DurationReading, ReadDurationOptions } from './duration/types.ts';

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
