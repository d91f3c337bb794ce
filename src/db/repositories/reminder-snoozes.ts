import type { Db } from '../connection.ts';

/** Record a snooze: the person gets no nudge up to and including `until` (their local day). */
export async function insertSnooze(db: Db, organisationId: string, personId: string, until: string, now: Date): Promise<void> {
  await db.insertInto('reminder_snoozes').values({ organisation_id: organisationId, person_id: personId, until_date: until, created_at: now }).execute();
}

/**
 * Each person's latest snooze day that is not over before `from` (a day early enough for every
 * zone): one query for everyone, or for the people given.
 */
export async function snoozesFrom(db: Db, organisationId: string, from: string, personIds?: readonly string[]): Promise<Map<string, string>> {
  if (personIds && personIds.length === 0) return new Map();
  let query = db
    .selectFrom('reminder_snoozes')
    .select(['person_id', (eb) => eb.fn.max<string>('until_date').as('until')])
    .where('organisation_id', '=', organisationId)
    .where('until_date', '>=', from)
    .groupBy('person_id');
  if (personIds) query = query.where('person_id', 'in', personIds);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.person_id, r.until]));
}
