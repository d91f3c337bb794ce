import type { ComplianceState } from './compliance-types.ts';
import type { IsoDate } from './dates.ts';
import type { Role } from './people.ts';

/** One person as `roster` lists them. */
export interface RosterEntry {
  readonly personId: string;
  readonly displayName: string;
  readonly platformUserId: string;
  readonly email: string | null;
  readonly role: Role;
  readonly teams: readonly string[];
  /** False once removed: records kept, left out of reports and reminders. */
  readonly active: boolean;
  /** Today's state (null for someone removed). */
  readonly state: ComplianceState | null;
  readonly certificate: { readonly number: string; readonly issuedOn: IsoDate; readonly expiresOn: IsoDate } | null;
  readonly feePaid: boolean;
}

/** What a roster command changed, for whom (by display name). */
export type RosterChange =
  | { readonly what: 'added'; readonly added: readonly string[]; readonly already: readonly string[]; readonly teams: readonly string[] }
  | { readonly what: 'removed' | 'restored'; readonly person: string; readonly already: boolean }
  | { readonly what: 'certificate'; readonly person: string; readonly mode: 'created' | 'renewed' | 'corrected'; readonly number: string; readonly issuedOn: IsoDate; readonly expiresOn: IsoDate }
  | { readonly what: 'fee'; readonly person: string; readonly amountCents: number; readonly currency: string; readonly paidOn: IsoDate }
  | { readonly what: 'team'; readonly person: string; readonly teams: readonly string[]; readonly previous: readonly string[] };

/** The CSV columns a roster file has, as Recert names them (the order `roster export` writes). */
export const ROSTER_COLUMNS = ['name', 'slack user id', 'email', 'credential number', 'issued', 'expires', 'fee paid through', 'team'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** Why one value of one row was refused; worded by the adapters. */
export type RosterRowProblem =
  | 'required'
  | 'slack-id-invalid'
  | 'email-invalid'
  | 'date-invalid'
  | 'future-date'
  | 'too-old'
  | 'dates-order'
  | 'number-invalid'
  | 'credential-older'
  | 'number-taken'
  | 'needs-certificate'
  | 'fee-outside-cycle'
  | 'team-invalid'
  | 'control-character'
  | 'too-long'
  | 'duplicate'
  | 'ambiguous'
  | 'out-of-scope'
  /** A cell past the last column the header names. */
  | 'extra-cell';

export interface RejectedValue {
  /** The line of the file the row starts on (1 is the header). */
  readonly line: number;
  /** The column; `column 9` for a cell past the header's columns. */
  readonly column: RosterColumn | `column ${number}`;
  /** The value as written (cut to 80 characters). */
  readonly value: string;
  readonly problem: RosterRowProblem;
}

export interface RosterImportResult {
  readonly fileName: string | null;
  /** Data rows read (blank lines not counted). */
  readonly rows: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RejectedValue[];
  /** Rows refused (one row may have several rejected values). */
  readonly rejectedRows: number;
  /** Whether anything was stored: false when any row was refused and skip-bad was not asked for. */
  readonly stored: boolean;
  readonly skipBad: boolean;
}
