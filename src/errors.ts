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
  | 'proof-already-attached'
  | 'credential-missing'
  | 'credential-number-invalid'
  | 'credential-dates-invalid'
  | 'credential-type-unknown'
  | 'credential-older'
  | 'fee-amount-invalid'
  | 'fee-amount-differs'
  | 'fee-outside-cycle'
  | 'fee-already-recorded'
  | 'fee-reference-invalid'
  | 'nothing-to-undo'
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
  /** Demoting the organisation's only admin. Details: name. */
  | 'last-admin'
  | 'forbidden'
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
