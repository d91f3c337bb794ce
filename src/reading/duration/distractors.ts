/**
 * Numbers in training titles and chat that are not the training's length (domain.md §2.4).
 * Each stop pattern is masked out before any length is read, so a billing rule such as
 * "each additional 15 minutes" can never become a 15-minute training. Adding a trap is one line.
 *
 * Identifier patterns ("Chapter 19", "2026", "11/13") stop short of a number that is itself
 * followed by a time unit: "Medicare 2-hour workshop" keeps its 2 hours.
 */
import { MASK } from './normalise.ts';
import { canMatch } from './reader.ts';
import { NUM, NUM_START } from './numbers.ts';
import { ANY_UNIT, HOUR_UNIT, MINUTE_UNIT, TO_UNIT } from './units.ts';

export interface StopPattern {
  readonly name: string;
  readonly pattern: RegExp;
  /** Literal words of which every match contains one (see `canMatch`); absent: always run. */
  readonly needs?: readonly string[];
}

const NO_UNIT_AFTER = `(?!${TO_UNIT}${ANY_UNIT}| of an? (?:hour|hr))`;
const CODE = String.raw`(?:\d{5}|[a-z]\d{4})`;
// Every YEARLY match holds one of these (what `canMatch` checks before the pattern runs).
const YEARLY_WORDS = ['year', 'yr', 'annual', 'annum'];
const YEARLY = String.raw`(?:(?:a|per|each|every|in (?:a|one)[ -]?) ?(?:calendar |cycle )?year(?: time)?|\/ ?(?:yr|year)|annually|yearly|annual|per annum)(?![a-z])`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const LABEL = String.raw`(?:year|cy|fy|items?|fl|modifier|section|sec\.|§|chapter|ch\.|part|module|lesson|unit|step|top|medicare|icd|cms|ub|form|cpt|hcpcs|icn|pages?|slides?|vol\.?|volume|version|ver\.?|no\.|number|episode|session|week|level|tier|phase|room|codes?|article|mm|se)`;

const stop = (name: string, source: string, needs?: readonly string[]): StopPattern =>
  needs ? { name, pattern: new RegExp(source, 'g'), needs } : { name, pattern: new RegExp(source, 'g') };

export const STOP_PATTERNS: readonly StopPattern[] = [
  // Billing rules that contain real time units.
  stop('eight-minute-rule', String.raw`\b(?:8|eight)${TO_UNIT}${MINUTE_UNIT} rule\b`),
  // Only with "of": "my first 30-minute course" is a length.
  stop('first-minutes-of-staff-time', String.raw`\bfirst ${NUM}${TO_UNIT}${MINUTE_UNIT}(?= of )(?: of(?: [a-z-]+){0,4}? time\b)?`),
  stop('each-additional', String.raw`\b(?:each|every|per|additional|addl\.?|add'l)(?: additional| full)? ${NUM}${TO_UNIT}${ANY_UNIT}`),
  stop('time-increments', String.raw`${NUM_START}${NUM}${TO_UNIT}${MINUTE_UNIT} (?:increments?|units?|intervals?|blocks?)(?![a-z])`, ['increment', 'unit', 'interval', 'block']),
  stop('code-descriptor', String.raw`\b${CODE}\b ?\([^()]{0,60}\)`),
  stop('code-descriptor-dash', String.raw`\b\d{5} ?[:–-] ?${NUM}${TO_UNIT}${ANY_UNIT}`),
  stop('length-before-code', String.raw`${NUM_START}${NUM}${TO_UNIT}${ANY_UNIT} ?\((?:cpt )?${CODE}\)`, ['(']),
  stop('hour-minimum', String.raw`${NUM_START}${NUM}${TO_UNIT}${HOUR_UNIT} minimum\b|\bminimum of ${NUM}${TO_UNIT}${HOUR_UNIT}`, ['minimum']),
  stop('twenty-four-hour', String.raw`${NUM_START}(?:24|twenty-four)${TO_UNIT}${HOUR_UNIT}(?: (?:a |per |in a )?day)?`),
  stop('around-the-clock', String.raw`\b24 ?\/ ?7\b`),
  stop('two-midnight-rule', String.raw`\b(?:2|two)${TO_UNIT}midnights?(?: rule| benchmark| presumption)?(?![a-z])`),
  // Requirement and background statements: hours that were never one training.
  stop('yearly-requirement', String.raw`${NUM_START}${NUM}${TO_UNIT}(?:(?:ce|cme|ceu|contact|accredited cme|credit) )?${HOUR_UNIT}(?: of(?: [a-z-]+){1,5}?)? ?${YEARLY}`, YEARLY_WORDS),
  stop('background-hours', String.raw`${NUM_START}\d{2,}${TO_UNIT}${HOUR_UNIT}(?: of)?(?: [a-z-]+){0,3}? (?:documentation|experience|program|programme|scribing|training)(?![a-z])`),
  stop('day-periods', String.raw`${NUM_START}${NUM}(?:${TO_UNIT}\/ ?${NUM})?${TO_UNIT}(?:days?|weeks?|wks?|months?|years?|yrs?)(?![a-z])`, ['day', 'week', 'wk', 'month', 'year', 'yr']),
  // Points in time, not lengths: "finished it an hour ago".
  stop('time-ago', String.raw`${NUM_START}(?:${NUM}|an?|a few|a couple(?: of)?)${TO_UNIT}${ANY_UNIT} (?:ago|later|earlier|from now)(?![a-z])`, ['ago', 'later', 'earlier', 'from now']),
  // Money, scores, dates, codes and document numbers.
  stop('money', String.raw`\$ ?\d[\d,]*(?:\.\d+)?(?: ?(?:k|m|mm|million|billion|bn)(?![a-z]))?`),
  stop('percent', String.raw`${NUM_START}\d+(?:\.\d+)? ?(?:%|percent\b)`),
  stop('ordinal', String.raw`${NUM_START}\d+(?:st|nd|rd|th)(?![a-z])`),
  stop('iso-date', String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b`),
  stop('slash-date', String.raw`${NUM_START}\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?![\d\/])${NO_UNIT_AFTER}`),
  stop('month-day', String.raw`\b${MONTH}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?(?![\d:])${NO_UNIT_AFTER}`),
  stop('cfr-citation', String.raw`${NUM_START}\d+ ?(?:cfr|u\.?s\.?c\.?) ?§? ?\d+(?:\.\d+)*`),
  stop('numbered-label', String.raw`\b${LABEL}(?: ?[#:-] ?| )?\d+[a-z]?(?:[.-]\d+[a-z]?)*(?: ?[-–] ?\d+)?(?![\d:.])${NO_UNIT_AFTER}`),
  stop('letter-code', String.raw`\b(?!p(?:\d+d)?t\d)[a-z]{1,5}\d+[a-z]{0,2}(?:[-–][a-z]{0,5}\d+)?\b`),
  stop('transaction-set', String.raw`${NUM_START}\d{3}[pid]\b`),
  stop('year', String.raw`${NUM_START}(?:19|20)\d{2}(?![\d:])${NO_UNIT_AFTER}`),
];

/** The text with every distractor replaced by MASK characters (same length, same indices). */
export function maskDistractors(text: string): string {
  let masked = text;
  for (const { pattern, needs } of STOP_PATTERNS) {
    if (!canMatch(needs, text)) continue;
    masked = masked.replace(pattern, (found) => MASK.repeat(found.length));
  }
  return masked;
}
