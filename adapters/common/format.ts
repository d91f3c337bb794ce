import { DateTime } from 'luxon';
import { ACTIVITY_KIND_LABELS, formatCredit, type ActivityKind, type EditableField, type Exclusion } from '../../src/index.ts';

/** "Nov 3, 2026" for a calendar date; calendar dates carry no zone, so none is applied. */
export function formatDate(iso: string): string {
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  return date.isValid ? date.toFormat('LLL d, yyyy') : iso;
}

export function formatMoney(cents: number, currency: string): string {
  const amount = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  return currency === 'USD' ? `$${amount}` : `${amount} ${currency}`;
}

export function formatCe(credit: number): string {
  return `${formatCredit(credit)} CE`;
}

export const FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  title: 'title',
  kind: 'kind',
  completedOn: 'date',
  minutes: 'length',
  registered: 'MLN registration',
};

/** Why an entry earns nothing toward the cycle, in a few words. */
export const NOT_COUNTED_LABELS: Readonly<Record<Exclusion, string>> = {
  duplicate: 'not counted: same course already counted this cycle',
  'needs-review': 'not counted until reviewed',
  'registration-missing': 'not counted: no MLN registration',
  'outside-cycle': 'not counted: outside your current cycle',
};

export function kindLabel(kind: ActivityKind): string {
  return ACTIVITY_KIND_LABELS[kind];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  return days > 0 ? `in ${plural(days, 'day')}` : `${plural(-days, 'day')} ago`;
}
