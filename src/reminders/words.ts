import { isValidZone } from '../domain/dates.ts';
import { RecertError } from '../errors.ts';
import { normaliseDays } from './policy.ts';

/**
 * The words of reminder settings, read strictly: a value that does not read is refused with a
 * coded error naming it, never guessed. Pure; the use cases call these after checking who asks.
 */

/** Most reminder days a policy keeps (the schema's limit). */
export const MAX_DAYS = 12;
/** Furthest before expiry a reminder can be (days). */
export const MAX_DAYS_BEFORE = 365;

/** `60,30,7` (or `60 30 7`): days before expiry, largest first, without repeats. */
export function readDays(text: string): number[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const days = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  if (parts.length === 0 || days.some((d) => !Number.isInteger(d) || d > MAX_DAYS_BEFORE) || days.length > MAX_DAYS) {
    throw new RecertError('remind-days-invalid', { text, max: MAX_DAYS_BEFORE, count: MAX_DAYS });
  }
  return normaliseDays(days);
}

/** `9:00`, `09:30`, `9`, `9am`, `5:30 pm` → `HH:mm` (24-hour). */
export function readTime(text: string): string {
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  const hour = Number(match?.[1] ?? Number.NaN);
  const minute = Number(match?.[2] ?? 0);
  const half = match?.[3]?.toLowerCase().replace(/\./g, '');
  const valid = match !== null && minute <= 59 && (half ? hour >= 1 && hour <= 12 : hour <= 23);
  if (!valid) throw new RecertError('remind-time-invalid', { text: text.trim() });
  const h24 = half === 'pm' ? (hour % 12) + 12 : half === 'am' ? hour % 12 : hour;
  return `${String(h24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An IANA zone (`Europe/London`), as the platform's database knows it. */
export function readZone(text: string): string {
  const zone = text.trim();
  if (!zone || zone.length > 64 || !isValidZone(zone)) throw new RecertError('remind-zone-invalid', { text: zone });
  return zone;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `monday`, `mon`, `Mondays` → ISO weekday 1 … 7. */
export function readWeekday(text: string): number {
  const word = text.trim().toLowerCase().replace(/s$/, '');
  const index = word.length >= 3 ? WEEKDAYS.findIndex((d) => d.startsWith(word)) : -1;
  if (index < 0) throw new RecertError('remind-weekday-invalid', { text: text.trim() });
  return index + 1;
}

export function weekdayName(weekday: number): string {
  const name = WEEKDAYS[weekday - 1] ?? 'monday';
  return name.charAt(0).toUpperCase() + name.slice(1);
}
