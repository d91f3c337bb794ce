import type { Db } from '../connection.ts';
import type { AuditItemStatus } from '../schema.ts';

/** An audit as stored; filters, sample and summary are parsed by the use cases. */
export interface AuditRecord {
  readonly id: string;
  readonly scopeKey: string;
  readonly teamId: string | null;
  readonly seed: number;
  readonly percent: number;
  readonly filters: unknown;
  readonly sample: unknown;
  readonly candidates: number;
  readonly startedBy: string | null;
  readonly startedAt: Date;
  readonly closedAt: Date | null;
  readonly outcome: 'passed' | 'failed' | null;
  readonly summary: unknown;
}

export interface NewAudit {
  readonly scopeKey: string;
  readonly teamId: string | null;
  readonly seed: number;
  readonly percent: number;
  readonly filters: unknown;
  readonly sample: readonly string[];
  readonly candidates: number;
  readonly startedBy: string | null;
}

/** Throws a unique violation when the scope already has an open audit (audits_one_open_per_scope). */
export async function insertAudit(db: Db, organisationId: string, audit: NewAudit, now: Date): Promise<string> {
  const row = await db
    .insertInto('audits')
    .values({
      organisation_id: organisationId,
      scope_key: audit.scopeKey,
      team_id: audit.teamId,
      seed: audit.seed,
      percent: audit.percent,
      filters: JSON.stringify(audit.filters),
      sample: JSON.stringify(audit.sample),
      candidates: audit.candidates,
      started_by: audit.startedBy,
      started_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const AUDIT_COLUMNS = ['id', 'scope_key', 'team_id', 'seed', 'percent', 'filters', 'sample', 'candidates', 'started_by', 'started_at', 'closed_at', 'outcome', 'summary'] as const;

export async function listOpenAudits(db: Db, organisationId: string): Promise<AuditRecord[]> {
  const rows = await db.selectFrom('audits').select(AUDIT_COLUMNS).where('organisation_id', '=', organisationId).where('closed_at', 'is', null).orderBy('started_at').execute();
  return rows.map(toAudit);
}

export async function findAudit(db: Db, organisationId: string, auditId: string): Promise<AuditRecord | undefined> {
  const row = await db.selectFrom('audits').select(AUDIT_COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', auditId).executeTakeFirst();
  return row && toAudit(row);
}

export async function findOpenAuditByScope(db: Db, organisationId: string, scopeKey: string): Promise<AuditRecord | undefined> {
  const row = await db.selectFrom('audits').select(AUDIT_COLUMNS).where('organisation_id', '=', organisationId).where('scope_key', '=', scopeKey).where('closed_at', 'is', null).executeTakeFirst();
  return row && toAudit(row);
}

/** Close an open audit; undefined when it was closed already (a second `audit close`, or a race). */
export async function closeAudit(db: Db, organisationId: string, auditId: string, close: { closedBy: string | null; outcome: 'passed' | 'failed' | null; summary: unknown }, now: Date): Promise<AuditRecord | undefined> {
  const row = await db
    .updateTable('audits')
    .set({ closed_at: now, closed_by: close.closedBy, outcome: close.outcome, summary: JSON.stringify(close.summary) })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', auditId)
    .where('closed_at', 'is', null)
    .returning(AUDIT_COLUMNS)
    .executeTakeFirst();
  return row && toAudit(row);
}

function toAudit(r: { id: string; scope_key: string; team_id: string | null; seed: string; percent: number; filters: unknown; sample: unknown; candidates: number; started_by: string | null; started_at: Date; closed_at: Date | null; outcome: 'passed' | 'failed' | null; summary: unknown }): AuditRecord {
  return {
    id: r.id,
    scopeKey: r.scope_key,
    teamId: r.team_id,
    seed: Number(r.seed),
    percent: r.percent,
    filters: r.filters,
    sample: r.sample,
    candidates: r.candidates,
    startedBy: r.started_by,
    startedAt: r.started_at,
    closedAt: r.closed_at,
    outcome: r.outcome,
    summary: r.summary,
  };
}

export interface NewAuditItem {
  readonly personId: string;
  readonly trainingId: string;
  readonly status: AuditItemStatus;
}

export async function insertAuditItems(db: Db, organisationId: string, auditId: string, items: readonly NewAuditItem[], now: Date): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('audit_items')
    .values(items.map((i) => ({ organisation_id: organisationId, audit_id: auditId, person_id: i.personId, training_id: i.trainingId, status: i.status, requested_at: now, answered_at: i.status === 'answered' ? now : null })))
    .execute();
}

/** One item with the entry it is about (the entry may since have been deleted: it still names it). */
export interface AuditItemRow {
  readonly id: string;
  readonly auditId: string;
  readonly personId: string;
  readonly trainingId: string;
  readonly status: AuditItemStatus;
  readonly seq: number;
  readonly title: string;
  readonly completedOn: string;
  readonly reminders: number;
}

function itemsQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('audit_items')
    .innerJoin('trainings', (join) => join.onRef('trainings.id', '=', 'audit_items.training_id').on('trainings.organisation_id', '=', organisationId))
    .select(['audit_items.id', 'audit_items.audit_id', 'audit_items.person_id', 'audit_items.training_id', 'audit_items.status', 'audit_items.reminders', 'trainings.seq', 'trainings.title', 'trainings.completed_on'])
    .where('audit_items.organisation_id', '=', organisationId);
}

type ItemSelect = { id: string; audit_id: string; person_id: string; training_id: string; status: AuditItemStatus; reminders: number; seq: number; title: string; completed_on: string };

function toItem(r: ItemSelect): AuditItemRow {
  return { id: r.id, auditId: r.audit_id, personId: r.person_id, trainingId: r.training_id, status: r.status, seq: r.seq, title: r.title, completedOn: r.completed_on, reminders: r.reminders };
}

export async function listAuditItems(db: Db, organisationId: string, auditId: string): Promise<AuditItemRow[]> {
  const rows = await itemsQuery(db, organisationId).where('audit_items.audit_id', '=', auditId).orderBy('trainings.seq').execute();
  return rows.map(toItem);
}

export async function findAuditItem(db: Db, organisationId: string, itemId: string): Promise<AuditItemRow | undefined> {
  const row = await itemsQuery(db, organisationId).where('audit_items.id', '=', itemId).executeTakeFirst();
  return row && toItem(row);
}

/** The person pressed "Attach certificate" for this item: their next file without a target is for it. */
export async function markAwaiting(db: Db, organisationId: string, itemId: string, now: Date): Promise<void> {
  await db.updateTable('audit_items').set({ awaiting_at: now }).where('organisation_id', '=', organisationId).where('id', '=', itemId).execute();
}

export async function markReminded(db: Db, organisationId: string, itemIds: readonly string[], now: Date): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .updateTable('audit_items')
    .set((eb) => ({ reminded_at: now, reminders: eb('reminders', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', itemIds)
    .where('status', '=', 'requested')
    .execute();
}

/** Open audits' requested items for this entry become answered; returns them (none: not audited). */
export async function answerItemsOf(db: Db, organisationId: string, trainingId: string, now: Date): Promise<{ id: string; auditId: string }[]> {
  const rows = await db
    .updateTable('audit_items')
    .set({ status: 'answered', answered_at: now })
    .where('organisation_id', '=', organisationId)
    .where('training_id', '=', trainingId)
    .where('status', '=', 'requested')
    .where('audit_id', 'in', (eb) => eb.selectFrom('audits').select('id').where('audits.organisation_id', '=', organisationId).where('audits.closed_at', 'is', null))
    .returning(['id', 'audit_id'])
    .execute();
  return rows.map((r) => ({ id: r.id, auditId: r.audit_id }));
}

/** The entry of the person's requested item they last chose to attach to, in an open audit (null: none). */
export async function findAwaitedTraining(db: Db, organisationId: string, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom('audit_items')
    .select('training_id')
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('status', '=', 'requested')
    .where('awaiting_at', 'is not', null)
    .where('audit_id', 'in', (eb) => eb.selectFrom('audits').select('id').where('audits.organisation_id', '=', organisationId).where('audits.closed_at', 'is', null))
    .orderBy('awaiting_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.training_id ?? null;
}

/** How many requested items the person still has in open audits. */
export async function countOutstandingOf(db: Db, organisationId: string, personId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('status', '=', 'requested')
    .where('audit_id', 'in', (eb) => eb.selectFrom('audits').select('id').where('audits.organisation_id', '=', organisationId).where('audits.closed_at', 'is', null))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
