import type { ReportRow } from '../../domain/report.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { addDays, localDate } from '../../domain/dates.ts';
import { snoozesFrom } from '../../db/repositories/reminder-snoozes.ts';
import type { CoreDeps } from '../deps.ts';

/** The latest snooze end of each of these people (everyone when not given) that could still be running today. */
export function snoozesOf(deps: CoreDeps, organisationId: string, personIds?: readonly string[]): Promise<Map<string, string>> {
  // A day before today in UTC is at or before anyone's today, whatever their zone.
  return snoozesFrom(deps.db, organisationId, addDays(localDate(deps.clock.now(), 'UTC'), -1), personIds);
}

/** People's snoozes (a reminder's Snooze), shown to managers while they last: each person's own today decides. */
export function withSnoozeDates(rows: readonly ReportRow[], snoozes: ReadonlyMap<string, string>, todayOf: ReadonlyMap<string, IsoDate>): ReportRow[] {
  return rows.map((row) => {
    const until = snoozes.get(row.personId);
    const today = todayOf.get(row.personId);
    return until !== undefined && today !== undefined && until >= today ? { ...row, snoozedUntil: until } : row;
  });
}
