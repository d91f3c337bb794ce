import type { Actor } from '../domain/people.ts';
import type { Db } from '../db/connection.ts';
import { closeDraft, setDraftTraining } from '../db/repositories/drafts.ts';
import { takeNextSeq } from '../db/repositories/people.ts';
import { findTraining, insertTraining } from '../db/repositories/trainings.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { loadDraft, type DraftRef, type LoadedDraft } from './draft-store.ts';
import { currentRules, nowOf, progressOf, recordChange, standingOf, todayFor, viewOf } from './shared.ts';
import { nextStep } from './training-draft.ts';
import { trainingFields } from './training-fields.ts';
import { inTransaction } from '../db/transaction.ts';

export interface ConfirmInput extends DraftRef {
  /** For calls that need registration: the person's answer. Confirming without one means "registered". */
  readonly registered?: boolean;
}

/**
 * Log the training a draft describes. Idempotent: a second confirm of the same draft (a double
 * click, a retried request) returns the entry the first one logged.
 */
export async function confirmDraft(deps: CoreDeps, actor: Actor, input: ConfirmInput = {}): Promise<Reply> {
  const loaded = await loadDraft(deps, actor, input);
  if (loaded.record.status === 'cancelled') throw new RecertError('draft-not-found', { status: 'cancelled' });
  const outcome = loaded.record.status === 'confirmed' ? { trainingId: loaded.record.trainingId, inserted: false } : await logFromDraft(deps, actor, loaded, input);
  const training = outcome.trainingId ? await findTraining(deps.db, actor.organisationId, outcome.trainingId, { includeDeleted: true }) : undefined;
  if (!training) throw new RecertError('training-not-found');
  const standing = await standingOf(deps.db, actor, todayFor(deps, actor));
  return { kind: 'training-logged', training: viewOf(training, standing), progress: progressOf(standing), alreadyLogged: !outcome.inserted };
}

interface Outcome {
  readonly trainingId: string | null;
  /** False when another request (a double click, a retry) logged it first. */
  readonly inserted: boolean;
}

async function logFromDraft(deps: CoreDeps, actor: Actor, { record, draft }: LoadedDraft, input: ConfirmInput): Promise<Outcome> {
  if (nextStep(draft) !== 'ready' || draft.minutes === null || draft.title === null) throw new RecertError('draft-incomplete');
  // Only the rules are needed to log; the full standing (ledger, fees) is computed once, for the reply.
  const { rules } = await currentRules(deps.db, actor);
  const needsRegistration = rules.registrationRequiredKinds.includes(draft.kind);
  const registered = needsRegistration ? (input.registered ?? draft.registered ?? true) : draft.registered;
  const fields = trainingFields(rules, { ...draft, title: draft.title, minutes: draft.minutes, minutesSource: draft.minutesSource ?? 'stated', registered });
  const { award: _award, ...stored } = fields;
  const now = nowOf(deps);
  try {
    const trainingId = await inTransaction(deps.db, async (trx) => {
      // Claim the draft first: every path that logs a draft locks the draft row before the person's
      // row (entry numbers), so two of them racing take turns instead of deadlocking.
      if (!(await closeDraft(trx, actor.organisationId, record.id, 'confirmed', null, now))) throw new LostRace();
      const training = await insertEntry(trx, actor, { ...stored, text: draft.text, credentialCode: rules.code, cmsConfirmed: draft.cmsStated ? null : true }, now);
      await setDraftTraining(trx, actor.organisationId, record.id, training);
      await recordChange(trx, deps, actor, { action: 'training.logged', entity: 'training', entityId: training, after: { ...stored, draftId: record.id, cmsConfirmed: draft.cmsStated ? null : true } });
      return training;
    });
    return { trainingId, inserted: true };
  } catch (error) {
    if (!(error instanceof LostRace)) throw error;
    // Another request closed it first: logged (we answer with its entry) or cancelled.
    const current = (await loadDraft(deps, actor, { draftId: record.id })).record;
    if (current.status === 'cancelled') throw new RecertError('draft-not-found', { status: 'cancelled' });
    return { trainingId: current.trainingId, inserted: false };
  }
}

/** Thrown to roll back when a concurrent confirm closed the draft first. */
class LostRace extends Error {}

type EntryInput = Omit<ReturnType<typeof trainingFields>, 'award'> & { readonly text: string; readonly credentialCode: string; readonly cmsConfirmed: boolean | null };

async function insertEntry(trx: Db, actor: Actor, entry: EntryInput, now: Date): Promise<string> {
  const seq = await takeNextSeq(trx, actor.organisationId, actor.personId);
  const training = await insertTraining(trx, {
    organisation_id: actor.organisationId,
    person_id: actor.personId,
    seq,
    credential_code: entry.credentialCode,
    title: entry.title,
    title_key: entry.titleKey,
    kind: entry.kind,
    completed_on: entry.completedOn,
    minutes: entry.minutes,
    minutes_source: entry.minutesSource,
    credit: entry.credit,
    index_number: entry.indexNumber,
    review_reason: entry.reviewReason,
    registered: entry.registered,
    cms_confirmed: entry.cmsConfirmed,
    how_computed: entry.howComputed,
    source: actor.source,
    original_text: entry.text,
    created_at: now,
  });
  return training.id;
}
