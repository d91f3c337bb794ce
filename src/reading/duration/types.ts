/** The shapes the duration reader returns; kept apart so its parts can share them without a cycle. */
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
