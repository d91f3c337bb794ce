import { sumCredit } from './credit.ts';
import type { Certificate } from './cycle.ts';
import { inCycle } from './cycle.ts';
import type { IsoDate } from './dates.ts';
import type { Training } from './training.ts';
import { dayReasons, ledgerReasons } from './compliance-reasons.ts';
import type { ComplianceInput, ComplianceReason, ComplianceState, ComplianceStatus, Exclusion } from './compliance-types.ts';

export type { ComplianceInput, ComplianceReason, ComplianceState, ComplianceStatus, EntryRef, Exclusion } from './compliance-types.ts';

const BLOCKING: ReadonlySet<ComplianceReason['code']> = new Set(['credit-short', 'fee-unpaid', 'proof-missing']);
const LAPSED: ReadonlySet<ComplianceReason['code']> = new Set(['no-credential', 'certificate-expired', 'certificate-not-yet-valid']);

/** What a person's entries, certificate and fee add up to, whatever the day. */
export interface Ledger extends Omit<ComplianceStatus, 'state' | 'reasons'> {
  /** The reasons that do not depend on the day (see compliance-reasons.ts). */
  readonly ledgerReasons: readonly ComplianceReason[];
}

export function assessLedger(input: Omit<ComplianceInput, 'today'>): Ledger {
  const { counted, excluded } = sortLedger(input);
  const earnedCredit = sumCredit(counted.map((t) => t.credit ?? 0));
  return {
    rules: input.rules,
    certificate: input.certificate,
    earnedCredit,
    requiredCredit: input.rules.requiredCredit,
    countedMinutes: counted.reduce((total, t) => total + t.minutes, 0),
    counted,
    excluded,
    feePaid: input.feePaid,
    ledgerReasons: ledgerReasons({ ...input, counted, excluded, earnedCredit }),
  };
}

/**
 * A person's state and reasons on `today`: the one place the day is applied, to a whole ledger (a
 * person's status) or to its stored summary (an organisation's report) alike.
 */
export function standingOn(part: { readonly certificate: Certificate | null; readonly expiringSoonDays: number; readonly ledgerReasons: readonly ComplianceReason[] }, today: IsoDate): { state: ComplianceState; reasons: ComplianceReason[] } {
  const reasons = [...dayReasons(part.certificate, part.expiringSoonDays, today), ...part.ledgerReasons];
  return { state: stateOf(reasons), reasons };
}

export function assessCompliance(input: ComplianceInput): ComplianceStatus {
  return complianceOf(assessLedger(input), input.today);
}

/** A ledger's full status on `today`. */
export function complianceOf(ledger: Ledger, today: IsoDate): ComplianceStatus {
  const { ledgerReasons, ...rest } = ledger;
  const { state, reasons } = standingOn({ certificate: ledger.certificate, expiringSoonDays: ledger.rules.expiringSoonDays, ledgerReasons }, today);
  return { ...rest, state, reasons };
}

function stateOf(reasons: readonly ComplianceReason[]): ComplianceState {
  return stateOfCodes(reasons.map((r) => r.code));
}

/** The state that a person's reasons (their codes, in any order) add up to: the one rule, for a status and a report's line alike. */
export function stateOfCodes(codes: readonly ComplianceReason['code'][]): ComplianceState {
  if (codes.some((c) => LAPSED.has(c))) return 'out_of_compliance';
  if (codes.some((c) => BLOCKING.has(c))) return 'at_risk';
  return 'compliant';
}

/** Decide which entries count: in the cycle, creditable, and the first of each course. */
function sortLedger(input: Omit<ComplianceInput, 'today'>): Pick<ComplianceStatus, 'counted' | 'excluded'> {
  const counted: Training[] = [];
  const excluded: { training: Training; why: Exclusion }[] = [];
  const seen = new Set<string>();
  const ordered = [...input.trainings].sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.seq - b.seq);
  for (const training of ordered) {
    const why = exclusionOf(input, training, seen);
    if (why) excluded.push({ training, why });
    else counted.push(training);
    // A course counts once per cycle: the first entry of it that earns credit (an earlier one
    // waiting for review or registration does not use up the course).
    if (!why) seen.add(training.titleKey);
  }
  return { counted, excluded };
}

function exclusionOf(input: Omit<ComplianceInput, 'today'>, training: Training, seen: ReadonlySet<string>): Exclusion | null {
  // Without a certificate there is no cycle yet: entries count provisionally, so progress shows
  // what was logged (the state stays out of compliance until the certificate is on file).
  if (input.certificate && !inCycle(input.certificate, training.completedOn)) return 'outside-cycle';
  if (seen.has(training.titleKey)) return 'duplicate';
  if (training.credit === null) return 'needs-review';
  if (input.rules.registrationRequiredKinds.includes(training.kind) && training.registered !== true) {
    return 'registration-missing';
  }
  return null;
}
