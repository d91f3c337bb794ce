import { z } from 'zod';
import type { ComplianceReason } from './compliance-types.ts';
import type { Ledger } from './compliance.ts';
import type { Certificate } from './cycle.ts';

/**
 * What a person's ledger adds up to, without the day: stored per person (dated by their ledger
 * version) so that an organisation's report reads one small row per person instead of every entry.
 * `standingOn(summary, today)` turns it into a state and reasons exactly as for the person's status.
 */
export interface StandingSummary {
  readonly credentialCode: string;
  readonly credentialName: string;
  readonly certificate: Certificate | null;
  readonly expiringSoonDays: number;
  readonly earned: number;
  readonly required: number;
  readonly countedMinutes: number;
  readonly countedEntries: number;
  readonly fee: { readonly required: boolean; readonly paid: boolean; readonly amountCents: number | null; readonly currency: string };
  readonly ledgerReasons: readonly ComplianceReason[];
}

export function summarise(ledger: Ledger): StandingSummary {
  const { rules } = ledger;
  return {
    credentialCode: rules.code,
    credentialName: rules.name,
    certificate: ledger.certificate && { number: ledger.certificate.number, issuedOn: ledger.certificate.issuedOn, expiresOn: ledger.certificate.expiresOn },
    expiringSoonDays: rules.expiringSoonDays,
    earned: ledger.earnedCredit,
    required: ledger.requiredCredit,
    countedMinutes: ledger.countedMinutes,
    countedEntries: ledger.counted.length,
    fee: { required: rules.feeCents !== null, paid: ledger.feePaid, amountCents: rules.feeCents, currency: rules.currency },
    ledgerReasons: ledger.ledgerReasons,
  };
}

const entryRef = z.object({ seq: z.number(), title: z.string() });
const reasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no-credential') }),
  z.object({ code: z.literal('certificate-expired'), expiredOn: z.string(), daysAgo: z.number() }),
  z.object({ code: z.literal('certificate-not-yet-valid'), issuedOn: z.string(), daysUntil: z.number() }),
  z.object({ code: z.literal('certificate-expiring'), expiresOn: z.string(), daysLeft: z.number() }),
  z.object({ code: z.literal('credit-short'), earned: z.number(), required: z.number(), missing: z.number() }),
  z.object({ code: z.literal('fee-unpaid'), feeCents: z.number(), currency: z.string() }),
  z.object({ code: z.literal('proof-missing'), entries: z.array(entryRef) }),
  z.object({ code: z.literal('duplicate-course'), title: z.string(), seqs: z.array(z.number()) }),
  z.object({ code: z.literal('needs-review'), entries: z.array(entryRef) }),
  z.object({ code: z.literal('registration-missing'), entries: z.array(entryRef) }),
]);

/** A stored summary, read back: a row that does not parse is treated as stale and computed again. */
export const standingSummarySchema: z.ZodType<StandingSummary> = z.object({
  credentialCode: z.string(),
  credentialName: z.string(),
  certificate: z.object({ number: z.string(), issuedOn: z.string(), expiresOn: z.string() }).nullable(),
  expiringSoonDays: z.number(),
  earned: z.number(),
  required: z.number(),
  countedMinutes: z.number(),
  countedEntries: z.number(),
  fee: z.object({ required: z.boolean(), paid: z.boolean(), amountCents: z.number().nullable(), currency: z.string() }),
  ledgerReasons: z.array(reasonSchema),
});
