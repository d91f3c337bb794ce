import type { Db } from '../connection.ts';
import type { AuditEventRow } from '../schema.ts';

export interface AuditEntry {
  readonly organisationId: string;
  readonly actorPersonId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly source: string;
  readonly requestId: string | null;
  readonly undoesEventId?: string | null;
  readonly occurredAt: Date;
}

export interface AuditEvent extends AuditEntry {
  readonly id: string;
}

/** Append one event. The table refuses UPDATE, DELETE and TRUNCATE, so this is the only write it takes. */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<string> {
  const row = await db
    .insertInto('audit_events')
    .values({
      organisation_id: entry.organisationId,
      actor_person_id: entry.actorPersonId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
      source: entry.source,
      request_id: entry.requestId,
      undoes_event_id: entry.undoesEventId ?? null,
      occurred_at: entry.occurredAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/**
 * The actor's newest event among `actions` that no later event has undone. Undoing walks back
 * through a person's own changes one at a time.
 */
export async function findLastUndoable(
  db: Db,
  organisationId: string,
  actorPersonId: string,
  actions: readonly string[],
  entityId?: string,
): Promise<AuditEvent | undefined> {
  let query = db
    .selectFrom('audit_events as e')
    .selectAll('e')
    .where('e.organisation_id', '=', organisationId)
    .where('e.actor_person_id', '=', actorPersonId)
    .where('e.action', 'in', [...actions])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('audit_events as u')
            .select('u.id')
            .where('u.organisation_id', '=', organisationId)
            .whereRef('u.undoes_event_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.id', 'desc');
  if (entityId !== undefined) query = query.where('e.entity_id', '=', entityId);
  const row = await query.executeTakeFirst();
  return row && toAuditEvent(row);
}

export async function listAudit(db: Db, organisationId: string, entityId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map(toAuditEvent);
}

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: String(row.id),
    organisationId: row.organisation_id,
    actorPersonId: row.actor_person_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    source: row.source,
    requestId: row.request_id,
    undoesEventId: row.undoes_event_id,
    occurredAt: row.occurred_at,
  };
}
