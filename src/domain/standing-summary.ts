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
  /** The shape's version: a stored summary of another format is stale (computed again). */
  readonly format: typeof SUMMARY_FORMAT;
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

/** Bump whenever StandingSummary (or a reason in it) changes shape: every stored summary is then recomputed once. */
export const SUMMARY_FORMAT = 1;

export function summarise(ledger: Ledger): StandingSummary {
  const { rules } = ledger;
  return {
    format: SUMMARY_FORMAT,
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
  format: z.literal(SUMMARY_FORMAT),
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

/**
 * A stored summary read back on the report's path, or null (stale: compute it again). Only this
 * code writes summaries, each marked with its format, so a row of the current format is trusted
 * after a check of its top-level fields; the full schema above (about 40 µs a row, 0.4 s for an
 * organisation of 10,000) is for tests and tools. Anything else — an older format, a hand edit —
 * is recomputed from the ledger.
 */
export function storedSummary(value: unknown): StandingSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Record<keyof StandingSummary, unknown>>;
  const ok =
    v.format === SUMMARY_FORMAT &&
    typeof v.credentialCode === 'string' &&
    typeof v.credentialName === 'string' &&
    typeof v.earned === 'number' &&
    typeof v.required === 'number' &&
    typeof v.expiringSoonDays === 'number' &&
    typeof v.fee === 'object' && v.fee !== null &&
    (v.certificate === null || (typeof v.certificate === 'object' && typeof (v.certificate as { expiresOn?: unknown }).expiresOn === 'string')) &&
    Array.isArray(v.ledgerReasons);
  return ok ? (value as StandingSummary) : null;
}
