import { MIN_TITLE_LETTERS } from './limits.ts';

/**
 * Whether a title has letters enough to name a course: at least 3 letters (any script), or a short
 * acronym title of 2 capitals joined by a slash or an ampersand ("E/M", "Q&A", "E/M 2024"): real
 * course names in coding and documentation. Junk stays refused: "ab", "OK", "X1", "123", and the
 * two-letter abbreviations that name nothing ("N/A", "W/O", "C/O", "Y/N").
 */
export function namesACourse(title: string): boolean {
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  if (letters >= MIN_TITLE_LETTERS) return true;
  return isAcronymTitle(title);
}

/** "E/M", "Q&A", "E&M", optionally with a year or number ("E/M 2024", "E/M-21"); typed in capitals. */
const ACRONYM = /^\p{Lu} ?[/&] ?\p{Lu}(?:[ -]?\d{1,4})?$/u;
const NOT_A_COURSE = new Set(['N/A', 'W/O', 'C/O', 'Y/N', 'N/C']);

function isAcronymTitle(title: string): boolean {
  const compact = title.trim();
  if (!ACRONYM.test(compact)) return false;
  return !NOT_A_COURSE.has(compact.replace(/\s/g, '').slice(0, 3).toUpperCase());
}
