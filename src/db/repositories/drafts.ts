import type { Db } from '../connection.ts';
import type { DraftRow } from '../schema.ts';

export interface DraftRecord {
  readonly id: string;
  readonly personId: string;
  readonly status: DraftRow['status'];
  /** Validated by the caller: the draft's shape belongs to the use case that wrote it. */
  readonly payload: unknown;
  readonly trainingId: string | null;
  readonly anchor: string | null;
  readonly updatedAt: Date;
  readonly remindedAt: Date | null;
}

export interface NewDraft {
  readonly personId: string;
  readonly payload: unknown;
  readonly source: string;
  /** Where the conversation about it lives (opaque, set by the adapter), or null. */
  readonly anchor: string | null;
}

export async function insertDraft(db: Db, organisationId: string, draft: NewDraft, now: Date): Promise<DraftRecord> {
  const row = await db
    .insertInto('drafts')
    .values({
      organisation_id: organisationId,
      person_id: draft.personId,
      status: 'open',
      payload: JSON.stringify(draft.payload),
      source: draft.source,
      anchor: draft.anchor,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDraft(row);
}

export async function findDraft(db: Db, organisationId: string, personId: string, id: string): Promise<DraftRecord | undefined> {
  const row = await db
    .selectFrom('drafts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toDraft(row);
}

/**
 * Lock the person's draft for the rest of the transaction (`trx`): a Confirm click and a form
 * submission for the same preview then take turns, and the second sees what the first did.
 */
export async function lockDraft(trx: Db, organisationId: string, personId: string, id: string): Promise<DraftRecord | undefined> {
  const row = await trx
    .selectFrom('drafts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toDraft(row);
}

/** Put a form's values into a draft and open it again (a preview replaced by a newer message is still the form's). */
export async function reopenDraft(trx: Db, organisationId: string, id: string, payload: unknown, now: Date): Promise<void> {
  await trx
    .updateTable('drafts')
    .set({ payload: JSON.stringify(payload), status: 'open', updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('status', '<>', 'confirmed')
    .execute();
}

/** The person's newest draft (any status, or only open ones) opened in the conversation `anchor`. */
export async function findDraftByAnchor(db: Db, organisationId: string, personId: string, anchor: string, onlyOpen = false): Promise<DraftRecord | undefined> {
  let query = db
    .selectFrom('drafts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('anchor', '=', anchor)
    .orderBy('created_at', 'desc');
  if (onlyOpen) query = query.where('status', '=', 'open');
  const row = await query.executeTakeFirst();
  return row && toDraft(row);
}

/** The person's newest open draft updated after `since` (older ones are stale and not resumed by "yes"). */
export async function findOpenDraft(db: Db, organisationId: string, personId: string, since: Date): Promise<DraftRecord | undefined> {
  const row = await db
    .selectFrom('drafts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .where('updated_at', '>', since)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row && toDraft(row);
}

/** The person's open drafts updated after `since`, oldest first (the order the bot numbers them in). */
export async function listOpenDrafts(db: Db, organisationId: string, personId: string, since: Date): Promise<DraftRecord[]> {
  const rows = await db
    .selectFrom('drafts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .where('updated_at', '>', since)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toDraft);
}

/** Note that the person was reminded of these open drafts (they are mentioned once, not on every message). */
export async function markReminded(db: Db, organisationId: string, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('drafts').set({ reminded_at: now }).where('organisation_id', '=', organisationId).where('id', 'in', ids).where('status', '=', 'open').execute();
}

export async function updateDraftPayload(db: Db, organisationId: string, id: string, payload: unknown, now: Date): Promise<void> {
  await db
    .updateTable('drafts')
    .set({ payload: JSON.stringify(payload), updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

/**
 * Move an open draft to `status`; false when it was no longer open. This is the claim that makes a
 * double-clicked Confirm (or a retried request) log the training once.
 */
export async function closeDraft(
  db: Db,
  organisationId: string,
  id: string,
  status: 'confirmed' | 'cancelled',
  trainingId: string | null,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('drafts')
    .set({ status, training_id: trainingId, updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Record the entry a confirmed draft became (in the transaction that confirmed it). */
export async function setDraftTraining(trx: Db, organisationId: string, id: string, trainingId: string): Promise<void> {
  await trx.updateTable('drafts').set({ training_id: trainingId }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

/** Close every other open draft of the person: a new message about a training replaces the pending one. */
export async function cancelOpenDrafts(db: Db, organisationId: string, personId: string, now: Date): Promise<void> {
  await db
    .updateTable('drafts')
    .set({ status: 'cancelled', updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .execute();
}

function toDraft(row: DraftRow): DraftRecord {
  return { id: row.id, personId: row.person_id, status: row.status, payload: row.payload, trainingId: row.training_id, anchor: row.anchor, updatedAt: row.updated_at, remindedAt: row.reminded_at };
}
