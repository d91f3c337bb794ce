import { z } from 'zod';
import type { Actor } from '../domain/people.ts';
import { findCurrentCredential } from '../db/repositories/credentials.ts';
import { findCredentialRules } from '../db/repositories/credential-types.ts';
import { listFeePayments } from '../db/repositories/fees.ts';
import { lockPerson } from '../db/repositories/roster.ts';
import { inTransaction } from '../db/transaction.ts';
import { isRecertError, RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import { subjectFor } from './about.ts';
import type { CoreDeps } from './deps.ts';
import { recordFeeFor } from './record-fee.ts';
import { saveCredentialFor } from './save-credential.ts';
import type { Subject } from './subjects.ts';

/**
 * The answers to the questions the bot asks instead of storing (issue 10): "Record $80 anyway" for
 * a fee that differs from the credential's, "Save it anyway" for a certificate number someone else
 * holds, and "Fix it" for either. A button carries the whole request (the question's error details,
 * flat), so what it stores is exactly what was asked about. Each goes through the same use case as
 * the typed `… anyway` (role checks, tenant, dates), for the person the question was about, and a
 * second press (a double click, a resend) stores nothing more and answers the same.
 */
export type QuestionAnswerKind = 'fee-anyway' | 'cert-anyway' | 'fix-typed';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const personId = z.string().uuid().optional();
const feeAnyway = z.object({ amountCents: z.number().int().positive(), paidOn: date, reference: z.string().max(200).optional(), personId });
const certAnyway = z.object({ number: z.string().min(1).max(60), issuedOn: date, expiresOn: date.optional(), personId });
const fixTyped = z.object({ topic: z.enum(['fee', 'cert']) });

type Ids = Readonly<Record<string, string | number>>;

export async function answerQuestion(deps: CoreDeps, actor: Actor, kind: QuestionAnswerKind, ids: Ids): Promise<Reply> {
  switch (kind) {
    case 'fee-anyway': {
      const parsed = feeAnyway.safeParse(ids);
      if (!parsed.success) throw new RecertError('fee-amount-invalid', {});
      return recordFeeAnyway(deps, actor, parsed.data);
    }
    case 'cert-anyway': {
      const parsed = certAnyway.safeParse(ids);
      if (!parsed.success) throw new RecertError('credential-number-invalid', { number: String(ids.number ?? '').slice(0, 40) });
      return saveCertAnyway(deps, actor, parsed.data);
    }
    case 'fix-typed': {
      const parsed = fixTyped.safeParse(ids);
      // Nothing was stored: how to type it again.
      return { kind: 'help', topic: parsed.success ? parsed.data.topic : 'all' };
    }
  }
}

/**
 * The asker, or the person the question was about (a manager's `roster set @person fee …`), locked
 * for the transaction so two presses take turns and the second sees what the first stored.
 */
async function lockedSubject(deps: CoreDeps, actor: Actor, personId: string | undefined): Promise<Subject> {
  const subject = await subjectFor(deps, actor, personId === undefined ? undefined : { ref: { personId } }, 'change-records');
  await lockPerson(deps.db, actor.organisationId, subject.id);
  return subject;
}

async function recordFeeAnyway(deps: CoreDeps, actor: Actor, answer: z.infer<typeof feeAnyway>): Promise<Reply> {
  return inTransaction(deps.db, async (db) => {
    const inTrx = { ...deps, db };
    const subject = await lockedSubject(inTrx, actor, answer.personId);
    const input = { amountCents: answer.amountCents, paidOn: answer.paidOn, differentAmountMeant: true, ...(answer.reference ? { reference: answer.reference } : {}) };
    try {
      return await recordFeeFor(inTrx, actor, subject, input);
    } catch (error) {
      // The same payment already stored (the first press): the same answer, nothing more.
      if (!isRecertError(error) || error.code !== 'fee-already-recorded') throw error;
      const credential = await findCurrentCredential(db, actor.organisationId, subject.id);
      const [paid] = credential ? await listFeePayments(db, actor.organisationId, credential.id) : [];
      if (!credential || !paid || paid.amountCents !== answer.amountCents || paid.paidOn !== answer.paidOn) throw error;
      return { kind: 'fee-recorded', amountCents: paid.amountCents, currency: paid.currency, paidOn: paid.paidOn, credentialNumber: credential.number };
    }
  });
}

async function saveCertAnyway(deps: CoreDeps, actor: Actor, answer: z.infer<typeof certAnyway>): Promise<Reply> {
  return inTransaction(deps.db, async (db) => {
    const inTrx = { ...deps, db };
    const subject = await lockedSubject(inTrx, actor, answer.personId);
    const current = await findCurrentCredential(db, actor.organisationId, subject.id);
    // Already saved exactly so (the first press): the same answer, and no second change in the audit trail.
    if (current && current.number === answer.number && current.issuedOn === answer.issuedOn && (answer.expiresOn === undefined || current.expiresOn === answer.expiresOn)) {
      const rules = await findCredentialRules(db, actor.organisationId, current.typeCode);
      if (rules) return { kind: 'credential-saved', mode: 'created', credentialCode: rules.code, number: current.number, issuedOn: current.issuedOn, expiresOn: current.expiresOn, requiredCredit: rules.requiredCredit };
    }
    const { personId: _about, ...certificate } = answer;
    return saveCredentialFor(inTrx, actor, subject, { ...certificate, sharedNumberMeant: true });
  });
}
