import { addDays, isIsoDate, localDate, type IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import { findCurrentCredential } from '../db/repositories/credentials.ts';
import { insertFeePayment, listFeePayments } from '../db/repositories/fees.ts';
import { checkTyped, orRefuse } from '../domain/training-field-rules.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf, recordChange, rulesFor } from './shared.ts';
import { inTransaction } from '../db/transaction.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { subjectFor, type About } from './about.ts';
import { onBehalfOf } from './on-behalf.ts';
import type { Subject } from './subjects.ts';

export interface FeeInput {
  /** In cents; defaults to the credential's fee ($85 for CMSS). */
  readonly amountCents?: number;
  /** The person said the amount differs from the credential's fee on purpose ("fee paid $80 anyway"). */
  readonly differentAmountMeant?: boolean;
  /** Defaults to today in the person's zone. */
  readonly paidOn?: IsoDate;
  readonly reference?: string;
}

/** A payment this many days before the certificate's issue date still counts for its cycle. */
const FEE_DAYS_BEFORE_ISSUE = 90;

/** Refuse amounts above this (cents): a typo such as "8500" dollars, not a renewal fee. */
const MAX_FEE_CENTS = 100_000;

/** Longest fee reference kept (characters): a receipt or invoice number, not a note. */
export const MAX_FEE_REFERENCE = 100;

/** Record the renewal fee for the person's current certificate cycle: the asker's, or the one `about` names. */
export async function recordFeePayment(deps: CoreDeps, actor: Actor, input: FeeInput = {}, about?: About): Promise<Reply> {
  return recordFeeFor(deps, actor, await subjectFor(deps, actor, about, 'change-records'), input);
}

/** recordFeePayment for a subject the caller has already been allowed to change (the roster import). */
export async function recordFeeFor(deps: CoreDeps, actor: Actor, subject: Subject, input: FeeInput = {}): Promise<Reply> {
  const reference = referenceOf(input.reference);
  const credential = await findCurrentCredential(deps.db, actor.organisationId, subject.id);
  if (!credential) throw new RecertError('credential-missing');
  const rules = await rulesFor(deps.db, { organisationId: actor.organisationId, personId: subject.id }, credential);
  const amountCents = input.amountCents ?? rules.feeCents;
  if (amountCents === null || !Number.isInteger(amountCents) || amountCents <= 0 || amountCents > MAX_FEE_CENTS) {
    throw new RecertError('fee-amount-invalid', { amountCents: amountCents ?? null, maxCents: MAX_FEE_CENTS });
  }
  const today = localDate(deps.clock.now(), subject.zone);
  const paidOn = input.paidOn ?? today;
  // "$80" or "$850" for an $85 fee is questioned before anything is stored: underpaid, or a typo?
  // The details carry the whole payment, so a button can record exactly this one (question-answers.ts).
  if (input.amountCents !== undefined && rules.feeCents !== null && input.amountCents !== rules.feeCents && input.differentAmountMeant !== true) {
    const payment = { paidOn, reference, ...(subject.id === actor.personId ? {} : { personId: subject.id }) };
    throw new RecertError('fee-amount-differs', { amountCents: input.amountCents, feeCents: rules.feeCents, currency: rules.currency, ...payment });
  }
  if (!isIsoDate(paidOn)) throw new RecertError('invalid-date', { text: paidOn });
  if (paidOn > today) throw new RecertError('future-date', { date: paidOn, today, what: 'fee' });
  // The fee is often paid shortly before the new certificate is issued; earlier belongs to the previous cycle.
  if (paidOn < addDays(credential.issuedOn, -FEE_DAYS_BEFORE_ISSUE) || paidOn >= credential.expiresOn) {
    throw new RecertError('fee-outside-cycle', { paidOn, issuedOn: credential.issuedOn, expiresOn: credential.expiresOn, daysBefore: FEE_DAYS_BEFORE_ISSUE });
  }
  const [already] = await listFeePayments(deps.db, actor.organisationId, credential.id);
  if (already) throw new RecertError('fee-already-recorded', { paidOn: already.paidOn, amountCents: already.amountCents, currency: already.currency });
  await inTransaction(deps.db, async (trx) => {
    const payment = await insertFeePayment(trx, actor.organisationId, { personId: subject.id, credentialId: credential.id, amountCents, currency: rules.currency, paidOn, reference }, nowOf(deps));
    await recordChange(trx, deps, actor, { action: 'fee.recorded', entity: 'fee_payment', entityId: payment.id, after: { amountCents, currency: rules.currency, paidOn, reference, credentialId: credential.id, ...onBehalfOf(actor, subject) } });
  }).catch(async (error: unknown) => {
    // Two sends at once both passed the check above; the database keeps one live payment per certificate.
    if (!isUniqueViolation(error)) throw error;
    const [first] = await listFeePayments(deps.db, actor.organisationId, credential.id);
    throw new RecertError('fee-already-recorded', { paidOn: first?.paidOn ?? paidOn, amountCents: first?.amountCents ?? amountCents, currency: first?.currency ?? rules.currency });
  });
  return { kind: 'fee-recorded', amountCents, currency: rules.currency, paidOn, credentialNumber: credential.number };
}

/** The reference as typed (trimmed), or null; one too long to keep is refused, never cut. */
function referenceOf(typed: string | undefined): string | null {
  const reference = typed?.trim() ?? '';
  if (!reference) return null;
  orRefuse(checkTyped(reference, 'fee-reference'));
  if (reference.length > MAX_FEE_REFERENCE) throw new RecertError('fee-reference-invalid', { max: MAX_FEE_REFERENCE, length: reference.length });
  return reference;
}
