import { sumCredit } from './credit.ts';
import type { CredentialRules } from './credential-rules.ts';
import { certificateValidity, inCycle, type Certificate } from './cycle.ts';
import type { IsoDate } from './dates.ts';
import type { Training } from './training.ts';
import { reasonsFor } from './compliance-reasons.ts';

export type ComplianceState = 'compliant' | 'at_risk' | 'out_of_compliance';

export type EntryRef = { readonly seq: number; readonly title: string };

/** Why a person is not simply compliant. Each reason carries its numbers; adapters phrase them. */
export type ComplianceReason =
  | { readonly code: 'no-credential' }
  | { readonly code: 'certificate-expired'; readonly expiredOn: IsoDate; readonly daysAgo: number }
  | { readonly code: 'certificate-not-yet-valid'; readonly issuedOn: IsoDate; readonly daysUntil: number }
  | { readonly code: 'certificate-expiring'; readonly expiresOn: IsoDate; readonly daysLeft: number }
  | { readonly code: 'credit-short'; readonly earned: number; readonly required: number; readonly missing: number }
  | { readonly code: 'fee-unpaid'; readonly feeCents: number; readonly currency: string }
  | { readonly code: 'proof-missing'; readonly entries: readonly EntryRef[] }
  | { readonly code: 'duplicate-course'; readonly title: string; readonly seqs: readonly number[] }
  | { readonly code: 'needs-review'; readonly entries: readonly EntryRef[] }
  | { readonly code: 'registration-missing'; readonly entries: readonly EntryRef[] };

export type Exclusion = 'duplicate' | 'outside-cycle' | 'needs-review' | 'registration-missing';

export interface ComplianceInput {
  readonly rules: CredentialRules;
  readonly certificate: Certificate | null;
  /** Every live (not deleted) entry of the person for this credential. */
  readonly trainings: readonly Training[];
  readonly feePaid: boolean;
  /** Today in the person's zone. */
  readonly today: IsoDate;
}

export interface ComplianceStatus {
  readonly state: ComplianceState;
  readonly rules: CredentialRules;
  readonly certificate: Certificate | null;
  readonly earnedCredit: number;
  readonly requiredCredit: number;
  /** Real minutes behind the counted entries, shown beside the credit (domain.md B5). */
  readonly countedMinutes: number;
  readonly counted: readonly Training[];
  readonly excluded: readonly { readonly training: Training; readonly why: Exclusion }[];
  readonly feePaid: boolean;
  readonly reasons: readonly ComplianceReason[];
}

const BLOCKING: ReadonlySet<ComplianceReason['code']> = new Set(['credit-short', 'fee-unpaid', 'proof-missing']);
const LAPSED: ReadonlySet<ComplianceReason['code']> = new Set(['no-credential', 'certificate-expired', 'certificate-not-yet-valid']);

export function assessCompliance(input: ComplianceInput): ComplianceStatus {
  const { counted, excluded } = sortLedger(input);
  const earnedCredit = sumCredit(counted.map((t) => t.credit ?? 0));
  const validity = input.certificate ? certificateValidity(input.rules, input.certificate, input.today) : null;
  const reasons = reasonsFor({ ...input, counted, excluded, earnedCredit, validity });
  return {
    state: stateOf(reasons),
    rules: input.rules,
    certificate: input.certificate,
    earnedCredit,
    requiredCredit: input.rules.requiredCredit,
    countedMinutes: counted.reduce((total, t) => total + t.minutes, 0),
    counted,
    excluded,
    feePaid: input.feePaid,
    reasons,
  };
}

function stateOf(reasons: readonly ComplianceReason[]): ComplianceState {
  if (reasons.some((r) => LAPSED.has(r.code))) return 'out_of_compliance';
  if (reasons.some((r) => BLOCKING.has(r.code))) return 'at_risk';
  return 'compliant';
}

/** Decide which entries count: in the cycle, creditable, and the first of each course. */
function sortLedger(input: ComplianceInput): Pick<ComplianceStatus, 'counted' | 'excluded'> {
  const counted: Training[] = [];
  const excluded: { training: Training; why: Exclusion }[] = [];
  const seen = new Set<string>();
  const ordered = [...input.trainings].sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.seq - b.seq);
  for (const training of ordered) {
    const why = exclusionOf(input, training, seen);
    if (why) excluded.push({ training, why });
    else counted.push(training);
    if (why !== 'outside-cycle') seen.add(training.titleKey);
  }
  return { counted, excluded };
}

function exclusionOf(input: ComplianceInput, training: Training, seen: ReadonlySet<string>): Exclusion | null {
  if (!input.certificate || !inCycle(input.certificate, training.completedOn)) return 'outside-cycle';
  if (seen.has(training.titleKey)) return 'duplicate';
  if (training.credit === null) return 'needs-review';
  if (input.rules.registrationRequiredKinds.includes(training.kind) && training.registered !== true) {
    return 'registration-missing';
  }
  return null;
}
