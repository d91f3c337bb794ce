/**
 * The `how` texts: a scribe reads these in the bot's echo ("Logged 90 min → 1.5 CEU. Right?"),
 * so they say in plain words how the number of minutes came about, and always say so when
 * seconds or a fraction of a minute were dropped.
 */
import { floorOf, formatNumber, isWhole, scale, type Rational } from './numbers.ts';

export function minutesWord(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}

function secondsWord(n: number): string {
  return n === 1 ? '1 second' : `${n} seconds`;
}

export function hoursWord(q: Rational): string {
  const text = formatNumber(q);
  return text === '1' ? '1 hour' : `${text} hours`;
}

/** "90 minutes", or "30 minutes 59 seconds, rounded down to 30 minutes". */
export function result(exact: Rational): string {
  const minutes = floorOf(exact);
  if (isWhole(exact)) return minutesWord(minutes);
  const seconds = scale(exact, 60);
  const stated = isWhole(seconds)
    ? `${minutesWord(minutes)} ${secondsWord(floorOf(seconds) - minutes * 60)}`
    : `${formatNumber(exact)} minutes`;
  return `${stated}, rounded down to ${minutesWord(minutes)}`;
}

/** "1.5 hours × 60 = 90 minutes", with the written form first when it differs ("1.5-hour = …"). */
export function fromHours(span: string, q: Rational, exact: Rational): string {
  const plain = `${hoursWord(q)} × 60 = ${result(exact)}`;
  return span.toLowerCase() === hoursWord(q) ? plain : `${span} = ${plain}`;
}

export function fromMinutes(span: string, exact: Rational): string {
  const text = result(exact);
  return span.toLowerCase() === text ? `${span}, as written` : `${span} = ${text}`;
}

/** "1 hr 15 min = 60 + 15 = 75 minutes". */
export function fromParts(span: string, parts: readonly string[], exact: Rational): string {
  return parts.length > 1 ? `${span} = ${parts.join(' + ')} = ${result(exact)}` : `${span} = ${result(exact)}`;
}

export function fromRange(span: string, lower: string): string {
  return `range ${span}: the lower bound, ${lower}, counts`;
}

export function fromPhrase(span: string, exact: Rational): string {
  return `${span} = ${result(exact)}`;
}

export function withApproximation(how: string, qualifier: string): string {
  return `${how} (approximate: “${qualifier.trim()}”)`;
}
