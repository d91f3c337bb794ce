import { dayReasons } from './compliance-reasons.ts';
import { stateOfCodes, type ComplianceReason, type ComplianceState } from './compliance.ts';
import type { Certificate } from './cycle.ts';
import type { IsoDate } from './dates.ts';
import type { StandingSummary } from './standing-summary.ts';

export type ReasonCode = ComplianceReason['code'];

/**
 * The part of a stored standing that a report needs for everyone — its counts, filters and order —
 * without the full reasons: stored in columns beside the summary (a few dozen bytes a person
 * instead of the summary's JSON, ~830 bytes). The full reasons are read for the page shown only.
 */
export interface StandingLine {
  readonly certificate: Certificate | null;
  readonly expiringSoonDays: number;
  readonly earned: number;
  readonly required: number;
  /** Whether the current certificate's fee is recorded; null without a certificate or a fee. */
  readonly feePaid: boolean | null;
  /** The codes of the summary's day-independent reasons, in its order. */
  readonly ledgerCodes: readonly ReasonCode[];
}

export function lineOf(summary: StandingSummary): StandingLine {
  return {
    certificate: summary.certificate,
    expiringSoonDays: summary.expiringSoonDays,
    earned: summary.earned,
    required: summary.required,
    feePaid: summary.certificate && summary.fee.required ? summary.fee.paid : null,
    ledgerCodes: summary.ledgerReasons.map((r) => r.code),
  };
}

/**
 * A line's state and reasons' codes on `today`: the certificate's day reasons (the same
 * `dayReasons` as a status), then the ledger's, and the same state rule (`stateOfCodes`).
 */
export function lineOn(line: StandingLine, today: IsoDate): { state: ComplianceState; codes: ReasonCode[] } {
  const codes = [...dayReasons(line.certificate, line.expiringSoonDays, today).map((r) => r.code), ...line.ledgerCodes];
  return { state: stateOfCodes(codes), codes };
}
