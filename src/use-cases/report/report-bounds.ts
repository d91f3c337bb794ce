import type { ReportFilters } from '../../domain/report.ts';
import { RecertError } from '../../errors.ts';

/**
 * The widest `report expiring Nd` window, in days: ten years, longer than any certificate's cycle,
 * so a wider one is a typo rather than a question.
 */
export const MAX_EXPIRING_DAYS = 3650;

/** Refuses an expiry window that is not a whole number of days from 1 to MAX_EXPIRING_DAYS. */
export function checkExpiringWindow(filters: ReportFilters): void {
  const days = filters.expiringWithinDays;
  if (days === undefined) return;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRING_DAYS) {
    throw new RecertError('report-days-invalid', { days: Number.isFinite(days) ? days : String(days), max: MAX_EXPIRING_DAYS });
  }
}

/** Refuses a page past the last (the asker is told how many there are instead of seeing page 1). */
export function checkPageExists(page: number, pageCount: number, what: 'report' | 'roster' = 'report'): void {
  if (page > pageCount) throw new RecertError('page-beyond', { page, pages: pageCount, what });
}
