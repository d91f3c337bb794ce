import type { ActivityKind } from '../domain/activity-kind.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import type { Training } from '../domain/training.ts';
import { findCredentialRules } from '../db/repositories/credential-types.ts';
import { fieldsOf, findTraining, findTrainingBySeq, updateTraining, type TrainingFields } from '../db/repositories/trainings.ts';
import { checkCompletionDate, checkKind, checkMinutes, checkTitle, orRefuse } from '../domain/training-field-rules.ts';
import { RecertError } from '../errors.ts';
import type { EditableField, Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { progressOf, recordChange, standingOf, todayFor, viewOf } from './shared.ts';
import { trainingFields } from './training-fields.ts';
import { inTransaction } from '../db/transaction.ts';

const EDITABLE: readonly EditableField[] = ['title', 'kind', 'completedOn', 'minutes', 'registered'];

export interface TrainingChanges {
  readonly title?: string;
  readonly minutes?: number;
  readonly completedOn?: IsoDate;
  readonly kind?: ActivityKind;
  readonly registered?: boolean;
}


/** Correct an entry. Credit is recomputed by the rules; the audit keeps the before and after. */
export async function editTraining(deps: CoreDeps, actor: Actor, seq: number, changes: TrainingChanges): Promise<Reply> {
  const training = await findTrainingBySeq(deps.db, actor.organisationId, actor.personId, seq);
  if (!training) throw new RecertError('training-not-found', { seq });
  const checked = validate(deps, actor, changes);
  const before = fieldsOf(training);
  const after = await recompute(deps, actor, training, checked);
  const changed = EDITABLE.filter((key) => after[key] !== before[key]);
  if (changed.length === 0) throw new RecertError('nothing-to-change', { seq });
  await inTransaction(deps.db, async (trx) => {
    await updateTraining(trx, actor.organisationId, training.id, after);
    await recordChange(trx, deps, actor, { action: 'training.edited', entity: 'training', entityId: training.id, before, after });
  });
  const updated = await findTraining(deps.db, actor.organisationId, training.id);
  if (!updated) throw new RecertError('training-not-found', { seq });
  const standing = await standingOf(deps.db, actor, todayFor(deps, actor));
  return { kind: 'training-updated', training: viewOf(updated, standing), changed, progress: progressOf(standing) };
}

/** The same field rules as chat and the form; the title comes back tidied (whitespace runs as one space). */
function validate(deps: CoreDeps, actor: Actor, changes: TrainingChanges): TrainingChanges {
  const { minutes, completedOn, title, kind } = changes;
  return {
    ...changes,
    ...(title === undefined ? {} : { title: orRefuse(checkTitle(title)) }),
    ...(minutes === undefined ? {} : { minutes: orRefuse(checkMinutes(minutes)) }),
    ...(completedOn === undefined ? {} : { completedOn: orRefuse(checkCompletionDate(completedOn, todayFor(deps, actor))) }),
    ...(kind === undefined ? {} : { kind: orRefuse(checkKind(kind)) }),
  };
}

async function recompute(deps: CoreDeps, actor: Actor, training: Training, changes: TrainingChanges): Promise<TrainingFields> {
  const rules = await findCredentialRules(deps.db, actor.organisationId, training.credentialCode);
  if (!rules) throw new RecertError('credential-type-unknown', { code: training.credentialCode });
  const minutesChanged = changes.minutes !== undefined && Math.floor(changes.minutes) !== training.minutes;
  const { award: _award, ...fields } = trainingFields(rules, {
    title: changes.title ?? training.title,
    kind: changes.kind ?? training.kind,
    completedOn: changes.completedOn ?? training.completedOn,
    minutes: changes.minutes ?? training.minutes,
    minutesSource: minutesChanged ? 'edited' : training.minutesSource,
    durationHow: minutesChanged ? `${Math.floor(changes.minutes ?? 0)} minutes, as corrected` : null,
    registered: changes.registered ?? training.registered,
  });
  // An unchanged length keeps its original explanation (how the words became minutes).
  return minutesChanged ? fields : { ...fields, howComputed: training.howComputed };
}
