import type { DateTime } from 'luxon';
import type { ActivityKind } from './activity-kind.ts';
import type { IsoDate } from './dates.ts';

/** Where a training's length came from: stated in the title/message, answered when asked, or corrected later. */
export const MINUTES_SOURCES = ['stated', 'answered', 'edited'] as const;
export type MinutesSource = (typeof MINUTES_SOURCES)[number];

export const REVIEW_REASONS = ['zero-length', 'over-maximum'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** A stored value read back: one of `values`, else `fallback` (the column is free text in the database). */
export function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}

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
  /** True when the person confirmed it is a CMS/MLN training (nothing in the text said so); null otherwise. */
  readonly cmsConfirmed?: boolean | null;
  readonly howComputed: string;
  readonly proofCount: number;
  readonly createdAt: DateTime;
}
