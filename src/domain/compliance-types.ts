import type { CredentialRules } from './credential-rules.ts';
import type { Certificate } from './cycle.ts';
import type { IsoDate } from './dates.ts';
import type { Training } from './training.ts';

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
