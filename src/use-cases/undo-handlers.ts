import { z } from 'zod';
import { ACTIVITY_KINDS } from '../domain/activity-kind.ts';
import type { Actor } from '../domain/people.ts';
import type { Db } from '../db/connection.ts';
import type { AuditEvent } from '../db/repositories/audit.ts';
import { setCredentialDeleted, updateCredential } from '../db/repositories/credentials.ts';
import { setFeePaymentDeleted } from '../db/repositories/fees.ts';
import { setProofLinkRemoved } from '../db/repositories/proofs.ts';
import { findTraining, setTrainingDeleted, updateTraining } from '../db/repositories/trainings.ts';
import type { UndoneChange } from '../replies.ts';
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
    // Undo restores what was there before, even a number someone else has taken since: never refused.
    if (after.mode === 'corrected') await updateCredential(trx, actor.organisationId, event.entityId, { ...certificateSchema.parse(event.before), numberSharedMeant: true });
    else await setCredentialDeleted(trx, actor.organisationId, event.entityId, now);
    return { action: 'credential.saved', number: after.number };
  },
};

async function trainingView(trx: Db, actor: Actor, id: string) {
  const training = await findTraining(trx, actor.organisationId, id, { includeDeleted: true });
  if (!training) throw new Error(`training ${id} named by the audit trail is missing`);
  return viewOf(training);
}
