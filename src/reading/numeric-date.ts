import { isIsoDate } from '../domain/dates.ts';

/**
 * A numeric date as people type one: `2026-13-01` (year, month, day), `11/31/2026` or `11/31`
 * (US month/day). Bounded by anything but a digit, `/`, `-` or `.`, so `ICD-10`, `837P` or a
 * version like `1.2/3` are not dates.
 */
const NUMERIC_DATE = /(?<![\d/.-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?)(?![\d/.-])/g;

/** Days in each month, February counted as 29 (a year-less `2/29` can be meant). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The first numeric date in `text` that names no real day ("2026-13-01", "11/31/2026", "2/29/2026",
 * "11/31"), else null. chrono-node reads some of these as another day (`2026-13-01` as Jan 13) and
 * drops others (the training is then dated today): the caller refuses the text instead.
 * A year-less pair is judged only when it starts with a month (1–12) and names a day past that
 * month's end (`11/31`, `2/30`), so a score like `27/30` or `45/50` is left alone.
 */
export function impossibleNumericDate(text: string): string | null {
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const [whole, isoYear, isoMonth, isoDay, usMonth, usDay, usYear] = match;
    if (isoYear !== undefined) {
      if (!isIsoDate(`${isoYear}-${pad(isoMonth)}-${pad(isoDay)}`)) return whole;
      continue;
    }
    const month = Number(usMonth);
    const day = Number(usDay);
    if (usYear !== undefined) {
      const year = usYear.length === 2 ? 2000 + Number(usYear) : Number(usYear);
      if (!isIsoDate(`${year}-${pad(usMonth)}-${pad(usDay)}`)) return whole;
    } else if (month >= 1 && month <= 12 && day <= 31 && day > (MONTH_DAYS[month - 1] ?? 0)) {
      return whole;
    }
  }
  return null;
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}
