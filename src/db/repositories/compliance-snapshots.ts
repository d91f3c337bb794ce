import type { Db } from '../connection.ts';

export interface StoredWeek {
  readonly weekStart: string;
  readonly compliant: number;
  readonly atRisk: number;
  readonly outOfCompliance: number;
}

/** One row per organisation and ISO week: taking the week's snapshot again replaces it (the latest run wins). */
export async function saveSnapshot(db: Db, organisationId: string, week: StoredWeek, takenAt: Date): Promise<void> {
  await db
    .insertInto('compliance_snapshots')
    .values({ organisation_id: organisationId, week_start: week.weekStart, compliant: week.compliant, at_risk: week.atRisk, out_of_compliance: week.outOfCompliance, taken_at: takenAt })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'week_start']).doUpdateSet((eb) => ({ compliant: eb.ref('excluded.compliant'), at_risk: eb.ref('excluded.at_risk'), out_of_compliance: eb.ref('excluded.out_of_compliance'), taken_at: eb.ref('excluded.taken_at') })),
    )
    .execute();
}

/** The weeks from `from` to `to` (Mondays, inclusive) that have a snapshot, oldest first. */
export async function readSnapshots(db: Db, organisationId: string, from: string, to: string): Promise<StoredWeek[]> {
  return db
    .selectFrom('compliance_snapshots')
    .select(['week_start as weekStart', 'compliant', 'at_risk as atRisk', 'out_of_compliance as outOfCompliance'])
    .where('organisation_id', '=', organisationId)
    .where('week_start', '>=', from)
    .where('week_start', '<=', to)
    .orderBy('week_start')
    .execute();
}

export interface UnknownDelivery {
  readonly kind: string;
  readonly target: string;
  readonly dueAt: Date;
  readonly error: string;
}

/** Posts whose fate is unknown (the request left, no answer came), with where they were going, oldest first; `since`: only those that became unknown from then on. */
export async function unknownDeliveries(db: Db, organisationId: string, limit: number, since: Date | null = null): Promise<UnknownDelivery[]> {
  let query = db
    .selectFrom('reminder_deliveries')
    .leftJoin('reminder_targets', (j) => j.onRef('reminder_targets.id', '=', 'reminder_deliveries.target_id').on('reminder_targets.organisation_id', '=', organisationId))
    .leftJoin('people', (j) => j.onRef('people.id', '=', 'reminder_deliveries.person_id').on('people.organisation_id', '=', organisationId))
    .select(['reminder_deliveries.kind', 'reminder_deliveries.due_at', 'reminder_deliveries.last_error', 'reminder_targets.name as target_name', 'people.display_name'])
    .where('reminder_deliveries.organisation_id', '=', organisationId)
    .where('reminder_deliveries.status', '=', 'unknown');
  if (since) query = query.where('reminder_deliveries.finished_at', '>=', since);
  const rows = await query.orderBy('reminder_deliveries.due_at').limit(limit).execute();
  return rows.map((r) => ({ kind: r.kind, target: r.target_name ?? r.display_name ?? 'someone', dueAt: r.due_at, error: r.last_error ?? 'no answer' }));
}
