import type { ErrorCode, ErrorDetails } from '../errors.ts';

/** What `remind here …` changes in a channel's subscription; absent fields stay as they are. */
export interface ChannelChange {
  readonly daysBefore?: readonly number[];
  readonly sendAt?: string;
  readonly weekdaysOnly?: boolean;
  readonly zone?: string;
  readonly private?: boolean;
  /** A team's name; null: everyone again. */
  readonly team?: string | null;
}

/** Words that did not read: refused after the asker's role is checked (a scribe hears "not allowed" first). */
export interface Unreadable {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
}

export function isUnreadable(value: object | null): value is Unreadable {
  return value !== null && 'code' in value;
}
