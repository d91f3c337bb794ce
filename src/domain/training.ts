import type { DateTime } from 'luxon';
import type { ActivityKind } from './activity-kind.ts';
import type { IsoDate } from './dates.ts';

/** Where a training's length came from: stated in the title/message, answered when asked, or corrected later. */
export type MinutesSource = 'stated' | 'answered' | 'edited';

export type ReviewReason = 'zero-length' | 'over-maximum';

/** One logged activity in a person's ledger. */
export interface Training {
  readonly id: string;
  /** Per-person entry number shown in chat ("entry 3"); stable once assigned. */
  readonly seq: number;
  readonly personId: string;
  readonly credentialCode: string;
  readonly title: string;
  /** Normalised title (or MLN product number) used to spot the same course twice in a cycle. */
  readonly titleKey: string;
  readonly kind: ActivityKind;
  readonly completedOn: IsoDate;
  readonly minutes: number;
  readonly minutesSource: MinutesSource;
  /** Awarded credit; null when the length needs manual review. */
  readonly credit: number | null;
  readonly indexNumber: string | null;
  readonly reviewReason: ReviewReason | null;
  /** For kinds that need registration (NPC): whether the person registered; null when not asked. */
  readonly registered: boolean | null;
  readonly howComputed: string;
  readonly proofCount: number;
  readonly createdAt: DateTime;
}
