import type { ActivityKind } from '../domain/activity-kind.ts';
import type { ComplianceReason, ComplianceState, Exclusion } from '../domain/compliance.ts';
import type { CreditAward } from '../domain/credit.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { ReviewReason } from '../domain/training.ts';

// What the scribe's own replies show: entries, previews, progress, status.

/** The parts of an entry a person can change (credit and index follow from them). */
export type EditableField = 'title' | 'kind' | 'completedOn' | 'minutes' | 'registered';

/** What every adapter needs to show one ledger entry. */
export interface TrainingView {
  /** Opaque id, for buttons that act on this entry. */
  readonly id: string;
  readonly seq: number;
  readonly title: string;
  readonly kind: ActivityKind;
  readonly completedOn: IsoDate;
  readonly minutes: number;
  readonly credit: number | null;
  readonly indexNumber: string | null;
  readonly howComputed: string;
  readonly reviewReason: ReviewReason | null;
  readonly registered: boolean | null;
  /** True: the person confirmed it is a CMS/MLN training when nothing in the text said so. */
  readonly cmsConfirmed?: boolean | null;
  readonly proofCount: number;
  /** Why the entry does not count toward the current cycle (null: it counts, or not known here). */
  readonly notCounted: Exclusion | null;
}

export interface Progress {
  readonly state: ComplianceState;
  readonly earned: number;
  readonly required: number;
  readonly credentialCode: string;
  readonly hasCredential: boolean;
}

export type PreviewWarning =
  | { readonly code: 'duplicate-in-cycle'; readonly seq: number; readonly title: string }
  | { readonly code: 'short-activity'; readonly minutes: number; readonly threshold: number }
  | { readonly code: 'outside-cycle'; readonly issuedOn: IsoDate; readonly expiresOn: IsoDate }
  | { readonly code: 'no-credential' }
  | { readonly code: 'approximate-length' }
  | { readonly code: 'registration-required' }
  | { readonly code: 'registration-missing' }
  /** Nothing said CMS/MLN: confirming means the person says it is a CMS/MLN training. */
  | { readonly code: 'cms-unconfirmed' };

export interface DraftPreview {
  readonly title: string;
  readonly kind: ActivityKind;
  readonly kindStated: boolean;
  readonly completedOn: IsoDate;
  readonly dateStated: boolean;
  readonly minutes: number;
  /** The words the length was read from, and how they became minutes. */
  readonly durationText: string;
  readonly durationHow: string;
  readonly award: CreditAward;
  readonly credentialCode: string;
  /** For calls: confirming means "I registered through MLN". */
  readonly asksRegistration: boolean;
  readonly warnings: readonly PreviewWarning[];
}

/** A preview still open, numbered as the bot lists them (oldest first): "yes 1" names the first. */
export interface WaitingDraft {
  readonly draftId: string;
  readonly number: number;
  readonly title: string | null;
  readonly completedOn: IsoDate;
  readonly minutes: number | null;
  /** False while the bot still waits for an answer (its length, title or day). */
  readonly ready: boolean;
}

export interface LengthCandidate {
  readonly minutes: number;
  readonly text: string;
}

export interface StatusView {
  readonly displayName: string;
  /** The asker's own status (false: a manager looking at someone). */
  readonly isSelf: boolean;
  readonly timeZone: string;
  readonly today: IsoDate;
  readonly state: ComplianceState;
  readonly credentialCode: string;
  readonly credentialName: string;
  readonly certificate: { readonly number: string; readonly issuedOn: IsoDate; readonly expiresOn: IsoDate; readonly daysLeft: number } | null;
  readonly earned: number;
  readonly required: number;
  readonly countedMinutes: number;
  readonly countedEntries: number;
  readonly fee: {
    readonly required: boolean;
    readonly paid: boolean;
    readonly amountCents: number | null;
    readonly currency: string;
    /** What was actually recorded for this cycle (cents, the day paid), when a payment is on file. */
    readonly payment?: { readonly amountCents: number; readonly paidOn: IsoDate };
  };
  readonly reasons: readonly ComplianceReason[];
}

export type UndoneChange =
  | { readonly action: 'training.logged' | 'training.deleted' | 'training.edited'; readonly training: TrainingView }
  | { readonly action: 'proof.attached'; readonly fileName: string; readonly training: TrainingView | null }
  | { readonly action: 'fee.recorded'; readonly amountCents: number; readonly currency: string }
  | { readonly action: 'credential.saved'; readonly number: string };
