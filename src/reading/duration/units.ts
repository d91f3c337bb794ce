/**
 * Time-unit tokens. Every unit must end at a word boundary: without it "2 month" reads as
 * 2 minutes, the "m" of "45 meet" as minutes and "1ms" as one minute (tickbin #330, #319,
 * juration #1).
 */

const END = '(?![a-z0-9])';

/** Hour tokens without the boundary, for compounds such as "1h30" and "2h1m". */
export const HOUR_CORE = String.raw`(?:hours?|hrs?\.?|h)`;
export const MINUTE_CORE = String.raw`(?:minutes?|mins?\.?|mn|m)`;

export const HOUR_UNIT = `${HOUR_CORE}${END}`;
export const MINUTE_UNIT = `${MINUTE_CORE}${END}`;
// A bare "s" is not accepted: "the 1990s" is not 1,990 seconds.
export const SECOND_UNIT = String.raw`(?:seconds?|secs?\.?)${END}`;
export const ANY_UNIT = `(?:${HOUR_UNIT}|${MINUTE_UNIT}|${SECOND_UNIT})`;

/** Between a number and its unit: "45 min", "45min", "60-minute", "two-hour". */
export const TO_UNIT = String.raw`(?: ?- ?| ?)`;

export type Unit = 'hour' | 'minute' | 'second';

const HOUR_TEST = new RegExp(`^${HOUR_CORE}$`);
const MINUTE_TEST = new RegExp(`^${MINUTE_CORE}$`);

export function unitOf(token: string): Unit {
  const word = token.trim();
  if (HOUR_TEST.test(word)) return 'hour';
  if (MINUTE_TEST.test(word)) return 'minute';
  return 'second';
}

/** Minutes in one of the unit, as [factor, divisor]. */
export function unitFactor(unit: Unit): readonly [number, number] {
  if (unit === 'hour') return [60, 1];
  if (unit === 'minute') return [1, 1];
  return [1, 60];
}
