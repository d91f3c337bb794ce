import type { DateTime } from 'luxon';
import type { ActivityKind } from '../domain/activity-kind.ts';
import { readActivityKind, readRegistration } from './activity-kind.ts';
import { readCompletionDateAt, type DateReading } from './completion-date.ts';
import { readDuration, type DurationReading } from './duration.ts';
import { namesCmsOrMln } from './provider.ts';
import { quotedRange, readTitle, type Span } from './title.ts';

/** Longest message the reader accepts (characters); a pasted page is not a training. */
export const MAX_TRAINING_TEXT = 2000;

export interface TrainingReading {
  readonly text: string;
  readonly title: string | null;
  readonly kind: ActivityKind;
  readonly kindStated: boolean;
  readonly duration: DurationReading;
  readonly date: DateReading;
  readonly registered: boolean | null;
  /** The text names CMS, MLN or an MLN product; otherwise the person is asked to confirm it is one. */
  readonly cmsStated: boolean;
}

/** Everything the bot understands from one message about one training. Pure: no I/O, clock passed in. */
export function readTraining(text: string, now: DateTime, zone: string): TrainingReading {
  const duration = readDuration(text);
  // The length's words ("45 min") are not part of a date: "45 min 3 days ago" is three days ago.
  const date = readDate(blank(text, lengthSpans(duration)), now, zone);
  const { kind, stated } = readActivityKind(text);
  return {
    text,
    title: readTitle(text, spansRead(duration, date)),
    kind,
    kindStated: stated,
    duration,
    date,
    registered: readRegistration(text),
    cmsStated: namesCmsOrMln(text),
  };
}

/**
 * A date outside the quoted title is the completion date; one inside it (a call's date) is the
 * fallback. Without quotes both readings are of the same text, so chrono-node runs once; with
 * quotes it runs again only when the quoted words could name a day (issue 6, item 16: the common
 * `log "Title" 45 min` ran it twice).
 */
function readDate(text: string, now: DateTime, zone: string): DateReading {
  const local = now.setZone(zone);
  const doubleQuoted = text.replace(/["“][^"“”]*["”]/g, (quoted) => ' '.repeat(quoted.length));
  const quoted = quotedRange(text);
  const outsideQuotes = quoted ? blank(doubleQuoted, [quoted]) : doubleQuoted;
  const outside = readCompletionDateAt(outsideQuotes, now, local);
  if (outside.kind !== 'defaulted' || outsideQuotes === text || !MAY_NAME_A_DAY.test(hiddenText(text, outsideQuotes))) return outside;
  return readCompletionDateAt(text, now, local);
}

/**
 * Every word chrono-node (English, casual) or the unreadable-day check could make a day of holds
 * a digit or one of these; matched anywhere in a word, so it errs on the side of reading again.
 */
const MAY_NAME_A_DAY = /\d|day|night|tomorrow|now|noon|morning|afternoon|evening|week|month|year|quarter|ago|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|xmas|easter|thanksgiving|eve/i;

/** The characters of `text` that `blanked` hid (the quoted parts). */
function hiddenText(text: string, blanked: string): string {
  let hidden = '';
  for (let i = 0; i < text.length; i += 1) hidden += blanked[i] === text[i] ? ' ' : text[i];
  return hidden;
}

function lengthSpans(duration: DurationReading): Span[] {
  if (duration.kind === 'found') return [duration.duration];
  return duration.kind === 'ambiguous' ? [...duration.candidates] : [];
}

function spansRead(duration: DurationReading, date: DateReading): Span[] {
  // A future day's words ("tomorrow") are a date too, refused as one: never left in the title.
  return date.kind === 'stated' || date.kind === 'vague' || date.kind === 'future' ? [...lengthSpans(duration), date] : lengthSpans(duration);
}

/** Replace spans with spaces, keeping every other character where it was. */
function blank(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}
