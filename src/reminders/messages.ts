import type { IsoDate } from '../domain/dates.ts';
import type { ReportCounts, ReportRow } from '../domain/report.ts';

/** A person in a digest: the manager report's row (same words), and their snooze if they pressed it. */
export interface DigestRow extends ReportRow {
  /** The last local day they asked not to be nudged (inclusive); null when not snoozed. */
  readonly snoozedUntil: IsoDate | null;
}

/** An organisation's counts for one ISO week: a bar of the manager digest's chart. */
export interface WeekCounts {
  /** Monday of the week, in the organisation's zone. */
  readonly weekStart: IsoDate;
  readonly compliant: number;
  readonly atRisk: number;
  readonly outOfCompliance: number;
}

/**
 * What the scheduler sends, as data: each adapter renders it (Block Kit, Adaptive Cards, text)
 * with the same presentation model as replies. The words are made at send time, from the state
 * checked again then, never from what was true when the nudge was planned.
 */
export type ReminderMessage =
  | {
      /** One message per channel per send time, never one per person. */
      readonly kind: 'reminder-digest';
      readonly channelName: string;
      /** The team the channel is limited to (null: everyone). */
      readonly team: string | null;
      /** The channel's day the digest is for. */
      readonly asOf: IsoDate;
      /** Private mode: the channel gets the count only; each person had a DM. */
      readonly private: boolean;
      /** Most urgent first; empty in private mode (names stay out of the channel). */
      readonly rows: readonly DigestRow[];
      /** How many people with a gap the digest is about (rows.length unless private). */
      readonly people: number;
    }
  | {
      /** A person's own gap, by DM, with buttons to log a training, see status, snooze 3 days. */
      readonly kind: 'reminder-dm';
      readonly row: ReportRow;
      readonly asOf: IsoDate;
      /** Days from the certificate's expiry (negative: before it) of the step that is due. */
      readonly offsetDays: number;
      readonly snoozeDays: number;
    }
  | {
      /** A manager's weekly digest: the report, and the organisation's last 12 weeks as a chart. */
      readonly kind: 'manager-digest';
      readonly asOf: IsoDate;
      readonly counts: ReportCounts;
      readonly limitedTo: readonly string[] | null;
      readonly rows: readonly DigestRow[];
      readonly listed: number;
      readonly weeks: readonly WeekCounts[];
    }
  | {
      /** Weekly to admins: posts that may or may not have gone out (a timeout after the request left). */
      readonly kind: 'deliveries-unknown';
      readonly deliveries: readonly { readonly target: string; readonly what: 'dm' | 'channel-digest' | 'manager-digest'; readonly dueAt: string; readonly error: string }[];
    };
