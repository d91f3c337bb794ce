import { z } from 'zod';
import { ACTIVITY_KINDS } from '../domain/activity-kind.ts';
import type { Actor } from '../domain/people.ts';
import type { Db } from '../db/connection.ts';
import type { AuditEvent } from '../db/repositories/audit.ts';
import { NUMBER_HELD_BY_OTHER, setCredentialDeleted, updateCredential } from '../db/repositories/credentials.ts';
import { findLaterCredentialChange } from '../db/repositories/credential-changes.ts';
import { setFeePaymentDeleted } from '../db/repositories/fees.ts';
import { setProofLinkRemoved } from '../db/repositories/proofs.ts';
import { findTraining, setTrainingDeleted, updateTraining } from '../db/repositories/trainings.ts';
import type { UndoneChange } from '../replies.ts';
import { sqlState } from '../db/errors.ts';
import { RecertError } from '../errors.ts';
import { viewOf } from './shared.ts';

const trainingFieldsSchema = z.object({
  title: z.string(),
  titleKey: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  completedOn: z.string(),
  minutes: z.number().int(),
  minutesSource: z.enum(['stated', 'answered', 'edited']),
  credit: z.number().nullable(),
  indexNumber: z.string().nullable(),
  reviewReason: z.enum(['zero-length', 'over-maximum']).nullable(),
  registered: z.boolean().nullable(),
  howComputed: z.string(),
});
const proofAfterSchema = z.object({ linkId: z.string(), fileName: z.string(), trainingId: z.string() });
const feeAfterSchema = z.object({ amountCents: z.number(), currency: z.string() });
const certificateSchema = z.object({ number: z.string(), issuedOn: z.string(), expiresOn: z.string() });
/** What a correction replaced; whether the person had confirmed sharing that number is stored since leftovers 7/10 (older events: not confirmed). */
const replacedCertificateSchema = certificateSchema.extend({ numberSharedMeant: z.boolean().optional() });
const credentialAfterSchema = certificateSchema.extend({ mode: z.enum(['created', 'renewed', 'corrected']) });

export interface UndoContext {
  readonly trx: Db;
  readonly actor: Actor;
  readonly now: Date;
}

type UndoHandler = (ctx: UndoContext, event: AuditEvent) => Promise<UndoneChange>;

/** How to reverse each kind of change a person can undo, newest first. */
export const UNDO_HANDLERS: Readonly<Record<string, UndoHandler>> = {
  'training.logged': async ({ trx, actor, now }, event) => {
    await setTrainingDeleted(trx, actor.organisationId, event.entityId, now);
    return { action: 'training.logged', training: await trainingView(trx, actor, event.entityId) };
  },
  'training.deleted': async ({ trx, actor }, event) => {
    await setTrainingDeleted(trx, actor.organisationId, event.entityId, null);
    return { action: 'training.deleted', training: await trainingView(trx, actor, event.entityId) };
  },
  'training.edited': async ({ trx, actor }, event) => {
    await updateTraining(trx, actor.organisationId, event.entityId, trainingFieldsSchema.parse(event.before));
    return { action: 'training.edited', training: await trainingView(trx, actor, event.entityId) };
  },
  'proof.attached': async ({ trx, actor, now }, event) => {
    const after = proofAfterSchema.parse(event.after);
    await setProofLinkRemoved(trx, actor.organisationId, after.linkId, now);
    const training = await findTraining(trx, actor.organisationId, after.trainingId, { includeDeleted: true });
    return { action: 'proof.attached', fileName: after.fileName, training: training ? viewOf(training) : null };
  },
  'fee.recorded': async ({ trx, actor, now }, event) => {
    const after = feeAfterSchema.parse(event.after);
    await setFeePaymentDeleted(trx, actor.organisationId, event.entityId, now);
    return { action: 'fee.recorded', amountCents: after.amountCents, currency: after.currency };
  },
  'credential.saved': async ({ trx, actor, now }, event) => {
    const after = credentialAfterSchema.parse(event.after);
    await refuseIfChangedSince(trx, actor, event, after.number);
    if (after.mode === 'corrected') await restoreReplaced(trx, actor, event);
    else await setCredentialDeleted(trx, actor.organisationId, event.entityId, now);
    return { action: 'credential.saved', number: after.number };
  },
};

/**
 * A certificate save is undone only while it is the last change to the person's certificates: once
 * someone else has renewed or corrected them since, deleting or restoring this one would undo their
 * change too (two undos could leave no certificate at all), so the person is told what changed.
 */
async function refuseIfChangedSince(trx: Db, actor: Actor, event: AuditEvent, number: string): Promise<void> {
  const later = await findLaterCredentialChange(trx, actor.organisationId, event.entityId, event.id);
  if (!later) return;
  const laterAfter = credentialAfterSchema.safeParse(later.after);
  throw new RecertError('undo-changed-since', { number, laterNumber: laterAfter.success ? laterAfter.data.number : null, laterMode: laterAfter.success ? laterAfter.data.mode : null, by: later.byName });
}

/**
 * Undo of a correction brings the replaced number back, checked like any number (the database's
 * trigger, under its advisory lock): if someone else holds it live now, and the person had not
 * confirmed sharing it, the undo is refused and nothing changes — never two live holders.
 */
async function restoreReplaced(trx: Db, actor: Actor, event: AuditEvent): Promise<void> {
  const before = replacedCertificateSchema.parse(event.before);
  try {
    await updateCredential(trx, actor.organisationId, event.entityId, { ...before, numberSharedMeant: before.numberSharedMeant === true });
  } catch (error) {
    if (sqlState(error) === NUMBER_HELD_BY_OTHER) throw new RecertError('undo-number-taken', { number: before.number });
    throw error;
  }
}

async function trainingView(trx: Db, actor: Actor, id: string) {
  const training = await findTraining(trx, actor.organisationId, id, { includeDeleted: true });
  if (!training) throw new Error(`training ${id} named by the audit trail is missing`);
  return viewOf(training);
}
