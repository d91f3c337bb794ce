import { DateTime } from 'luxon';
import { isActivityKind } from '../../domain/activity-kind.ts';
import { MINUTES_SOURCES, oneOf, REVIEW_REASONS, type Training } from '../../domain/training.ts';
import type { Db } from '../connection.ts';
import type { NewTraining, TrainingRow } from '../schema.ts';
import { scopeOperator, scopeValue, type TenantScope } from './tenant-scope.ts';

type TrainingWithProofs = TrainingRow & { proof_count: string | number | null };

/** The part of an entry that edits change (and undo restores), as stored. */
export type TrainingFields = Pick<
  Training,
  'title' | 'titleKey' | 'kind' | 'completedOn' | 'minutes' | 'minutesSource' | 'credit' | 'indexNumber' | 'reviewReason' | 'registered' | 'howComputed'
>;

function baseQuery(db: Db, scope: TenantScope) {
  return db
    .selectFrom('trainings')
    .selectAll('trainings')
    .select((eb) => {
      const proofs = eb.selectFrom('training_proofs').select(eb.fn.countAll<string>().as('n')).whereRef('training_proofs.training_id', '=', 'trainings.id');
      // Several organisations: each entry's proofs are counted in its own organisation (still the live proofs' index).
      const scoped = typeof scope === 'string' ? proofs.where('training_proofs.organisation_id', '=', scope) : proofs.whereRef('training_proofs.organisation_id', '=', 'trainings.organisation_id');
      return scoped.where('training_proofs.removed_at', 'is', null).as('proof_count');
    })
    .where('trainings.organisation_id', scopeOperator(scope), scopeValue(scope));
}

export async function insertTraining(db: Db, row: NewTraining): Promise<Training> {
  const inserted = await db.insertInto('trainings').values(row).returning('id').executeTakeFirstOrThrow();
  const training = await findTraining(db, row.organisation_id, inserted.id, { includeDeleted: true });
  if (!training) throw new Error(`training ${inserted.id} vanished after insert`);
  return training;
}

export async function findTraining(db: Db, organisationId: string, id: string, options = { includeDeleted: false }): Promise<Training | undefined> {
  let query = baseQuery(db, organisationId).where('trainings.id', '=', id);
  if (!options.includeDeleted) query = query.where('trainings.deleted_at', 'is', null);
  const row = await query.executeTakeFirst();
  return row && toTraining(row);
}

export async function findTrainingBySeq(db: Db, organisationId: string, personId: string, seq: number): Promise<Training | undefined> {
  const row = await baseQuery(db, organisationId)
    .where('trainings.person_id', '=', personId)
    .where('trainings.seq', '=', seq)
    .where('trainings.deleted_at', 'is', null)
    .executeTakeFirst();
  return row && toTraining(row);
}

/** The person's most recently logged live entry (the target of "proof" and "attach" without a number). */
export async function findLatestTraining(db: Db, organisationId: string, personId: string): Promise<Training | undefined> {
  const row = await baseQuery(db, organisationId)
    .where('trainings.person_id', '=', personId)
    .where('trainings.deleted_at', 'is', null)
    .orderBy('trainings.seq', 'desc')
    .executeTakeFirst();
  return row && toTraining(row);
}

/** Live entries of a person, newest completion first. */
export async function listTrainings(db: Db, organisationId: string, personId: string): Promise<Training[]> {
  const rows = await baseQuery(db, organisationId)
    .where('trainings.person_id', '=', personId)
    .where('trainings.deleted_at', 'is', null)
    .orderBy('trainings.completed_on', 'desc')
    .orderBy('trainings.seq', 'desc')
    .execute();
  return rows.map(toTraining);
}

/**
 * Live entries of several people at once (an organisation's report recomputing stale standings;
 * the scheduler's people due a nudge, across organisations),
 * newest completion first, grouped by person. Each entry's proofs are counted through the live
 * proofs' index (`training_proofs_live_key`), as for one entry: a grouped count of the whole
 * organisation's proofs joined in cost every call all of them, and, planned on stale statistics,
 * ran once per entry (135 s for 500 people's 10,000 entries; see docs/benchmarks.md).
 */
export async function listTrainingsOfPeople(db: Db, scope: TenantScope, personIds: readonly string[]): Promise<Map<string, Training[]>> {
  const byPerson = new Map<string, Training[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await baseQuery(db, scope)
    .where('trainings.person_id', 'in', [...personIds])
    .where('trainings.deleted_at', 'is', null)
    .orderBy('trainings.completed_on', 'desc')
    .orderBy('trainings.seq', 'desc')
    .execute();
  for (const row of rows) {
    const training = toTraining(row);
    const list = byPerson.get(training.personId);
    if (list) list.push(training);
    else byPerson.set(training.personId, [training]);
  }
  return byPerson;
}

export async function updateTraining(db: Db, organisationId: string, id: string, fields: TrainingFields): Promise<void> {
  await db
    .updateTable('trainings')
    .set({
      title: fields.title,
      title_key: fields.titleKey,
      kind: fields.kind,
      completed_on: fields.completedOn,
      minutes: fields.minutes,
      minutes_source: fields.minutesSource,
      credit: fields.credit,
      index_number: fields.indexNumber,
      review_reason: fields.reviewReason,
      registered: fields.registered,
      how_computed: fields.howComputed,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function setTrainingDeleted(db: Db, organisationId: string, id: string, deletedAt: Date | null): Promise<void> {
  await db.updateTable('trainings').set({ deleted_at: deletedAt }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

export function fieldsOf(training: Training): TrainingFields {
  const { title, titleKey, kind, completedOn, minutes, minutesSource, credit, indexNumber, reviewReason, registered, howComputed } = training;
  return { title, titleKey, kind, completedOn, minutes, minutesSource, credit, indexNumber, reviewReason, registered, howComputed };
}

function toTraining(row: TrainingWithProofs): Training {
  return {
    id: row.id,
    seq: row.seq,
    personId: row.person_id,
    credentialCode: row.credential_code,
    title: row.title,
    titleKey: row.title_key,
    kind: isActivityKind(row.kind) ? row.kind : 'other',
    completedOn: row.completed_on,
    minutes: row.minutes,
    minutesSource: oneOf(MINUTES_SOURCES, row.minutes_source, 'stated'),
    credit: row.credit === null ? null : Number(row.credit),
    indexNumber: row.index_number,
    reviewReason: row.review_reason === null ? null : oneOf(REVIEW_REASONS, row.review_reason, 'over-maximum'),
    registered: row.registered,
    cmsConfirmed: row.cms_confirmed,
    howComputed: row.how_computed,
    proofCount: Number(row.proof_count ?? 0),
    createdAt: DateTime.fromJSDate(row.created_at, { zone: 'utc' }),
  };
}
