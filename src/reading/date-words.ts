import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';
import { addDays, isIsoDate, type IsoDate } from '../domain/dates.ts';

/**
 * A date typed in a command ("2026-01-15", "Jan 15 2026", "1/15/2026", "yesterday"), read in the
 * person's zone. Future dates are allowed here (an expiry date is in the future); callers check.
 */
export function readDateWords(text: string, now: DateTime, zone: string): IsoDate | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const local = now.setZone(zone);
  const result = chrono.parse(trimmed, { instant: now.toJSDate(), timezone: local.offset }, { forwardDate: false })[0];
  if (!result || !result.start.isCertain('day')) return null;
  // chrono reads "last night" in the system clock's zone, not the person's.
  if (/^last\s*night\b/i.test(result.text)) return addDays(local.toISODate() ?? '', -1);
  const year = result.start.get('year');
  const month = result.start.get('month');
  const day = result.start.get('day');
  if (year === null || month === null || day === null) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
