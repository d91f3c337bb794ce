import type { Db } from '../connection.ts';

export interface FeePayment {
  readonly id: string;
  readonly credentialId: string;
  readonly amountCents: number;
  readonly currency: string;
  readonly paidOn: string;
  readonly reference: string | null;
}

export interface NewFeePayment {
  readonly personId: string;
  readonly credentialId: string;
  readonly amountCents: number;
  readonly currency: string;
  readonly paidOn: string;
  readonly reference: string | null;
}

export async function insertFeePayment(db: Db, organisationId: string, payment: NewFeePayment, now: Date): Promise<FeePayment> {
  const row = await db
    .insertInto('fee_payments')
    .values({
      organisation_id: organisationId,
      person_id: payment.personId,
      credential_id: payment.credentialId,
      amount_cents: payment.amountCents,
      currency: payment.currency,
      paid_on: payment.paidOn,
      reference: payment.reference,
      created_at: now,
    })
    .returning(['id', 'credential_id', 'amount_cents', 'currency', 'paid_on', 'reference'])
    .executeTakeFirstOrThrow();
  return toFeePayment(row);
}

export async function listFeePayments(db: Db, organisationId: string, credentialId: string): Promise<FeePayment[]> {
  const rows = await db
    .selectFrom('fee_payments')
    .select(['id', 'credential_id', 'amount_cents', 'currency', 'paid_on', 'reference'])
    .where('organisation_id', '=', organisationId)
    .where('credential_id', '=', credentialId)
    .where('deleted_at', 'is', null)
    .orderBy('paid_on')
    .execute();
  return rows.map(toFeePayment);
}

export async function setFeePaymentDeleted(db: Db, organisationId: string, id: string, deletedAt: Date | null): Promise<void> {
  await db.updateTable('fee_payments').set({ deleted_at: deletedAt }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

function toFeePayment(row: { id: string; credential_id: string; amount_cents: number; currency: string; paid_on: string; reference: string | null }): FeePayment {
  return {
    id: row.id,
    credentialId: row.credential_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    paidOn: row.paid_on,
    reference: row.reference,
  };
}

