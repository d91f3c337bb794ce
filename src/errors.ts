/**
 * Every failure a person can cause has a stable code. Use cases throw `RecertError`; each adapter
 * turns the code (and its details) into words in one place.
 */
export type ErrorCode =
  | 'future-date'
  | 'invalid-date'
  | 'date-before-range'
  | 'title-missing'
  | 'title-invalid'
  | 'length-invalid'
  | 'length-too-long'
  | 'text-too-long'
  | 'text-control-character'
  | 'training-not-found'
  | 'draft-not-found'
  | 'draft-expired'
  | 'draft-incomplete'
  | 'draft-already-logged'
  | 'proof-too-large'
  | 'proof-empty'
  | 'proof-unsupported-type'
  | 'proof-no-entry'
  | 'proof-local-path'
  | 'proof-file-missing'
  | 'proof-draft-open'
  | 'proof-draft-cancelled'
  | 'proof-download-failed'
  | 'proof-not-in-personal-chat'
  | 'proof-already-attached'
  | 'credential-missing'
  | 'credential-number-invalid'
  | 'credential-dates-invalid'
  | 'credential-type-unknown'
  | 'credential-older'
  | 'credential-number-taken'
  | 'fee-amount-invalid'
  | 'fee-amount-differs'
  | 'fee-outside-cycle'
  | 'fee-already-recorded'
  | 'fee-reference-invalid'
  | 'nothing-to-undo'
  | 'undo-number-taken'
  /** An undone certificate save was followed by someone else's certificate change. Details: number, laterNumber, laterMode, by. */
  | 'undo-changed-since'
  | 'nothing-to-change'
  | 'kind-unknown'
  | 'person-not-found'
  /** Details: name, count. */
  | 'person-ambiguous'
  /** Details: organisation (as given). */
  | 'organisation-not-found'
  /** Details: name. */
  | 'team-not-found'
  /** Details: max. */
  | 'team-name-invalid'
  /** A roster file Recert cannot read as a whole. Details: problem (no-header, missing-column, unknown-column, empty, no-people, too-large, not-csv), column, line. */
  | 'roster-file-invalid'
  /** Demoting the organisation's only admin. Details: name. */
  | 'last-admin'
  | 'forbidden'
  /** Reminder settings that do not read. Details: text (and max, count for days). */
  | 'remind-days-invalid'
  | 'remind-time-invalid'
  | 'remind-zone-invalid'
  | 'remind-weekday-invalid'
  | 'remind-words-unknown'
  /** `remind here` where there is no channel (a DM). */
  | 'remind-no-channel'
  /** A manager limited to teams subscribes a channel: it must be limited to one of them. Details: teams. */
  | 'remind-team-required'
  /** Exported paperwork could not be uploaded: the installation lacks `files:write` (from before exports). */
  | 'paperwork-upload-unavailable'
  /** Details: percent (as typed). */
  | 'audit-percent-invalid'
  /** Details: seed (as typed), max. */
  | 'audit-seed-invalid'
  /** Nobody in scope holds a certificate (matching the filters). Details: scope. */
  | 'audit-nobody'
  /** The scope has an open audit already. Details: scope, startedOn, startedBy. */
  | 'audit-open'
  /** Details: scope ('' for everywhere the asker may see). */
  | 'audit-none-open'
  /** Several open audits; say which team. Details: teams. */
  | 'audit-ambiguous'
  /** A team-limited manager of several teams must name one. Details: teams. */
  | 'audit-team-needed'
  /** An audit request that is not the asker's, or no longer open. */
  | 'audit-item-not-found'
  /** Details: max, length. */
  | 'audit-note-too-long'
  /** `report expiring Nd` outside the window taken. Details: days (as typed), max. */
  | 'report-days-invalid'
  /** A page past the last one. Details: page, pages, what ('report' or 'roster'). */
  | 'page-beyond'
  /** Processing failed for good (after retries); nothing of it was stored. Details: reference. */
  | 'processing-failed';

export type ErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

export class RecertError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(`${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`);
    this.name = 'RecertError';
    this.code = code;
    this.details = details;
  }
}

export function isRecertError(error: unknown): error is RecertError {
  return error instanceof RecertError;
}
