import { addMonths, type IsoDate } from './dates.ts';

/** Longest training accepted (minutes): a day. Longer is a typo, not a training (over 120 is reviewed anyway). */
export const MAX_TRAINING_MINUTES = 24 * 60;

/** Longest course title kept (characters). */
export const MAX_TITLE_LENGTH = 300;

/** Fewest letters a title must hold: "123" or "..." names no course. */
export const MIN_TITLE_LETTERS = 3;

/** Dates further back than this (years) are typos: no certificate or training that old matters to a cycle. */
export const OLDEST_DATE_YEARS = 10;

export function oldestAcceptedDate(today: IsoDate): IsoDate {
  return addMonths(today, -12 * OLDEST_DATE_YEARS);
}
