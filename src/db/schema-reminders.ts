import type { Generated } from 'kysely';
import type { Instant, Json, BigId } from './schema-columns.ts';

// Reminder targets, settings, digests, snoozes, the delivery ledger and weekly snapshots.

export interface ReminderTargetTable {
  id: Generated<string>;
  organisation_id: string;
  platform: string;
  /** A Slack channel id; a Teams conversation reference (JSON text). */
  address: string;
  name: string;
  /** A ChannelSubscription (src/reminders/policy.ts), validated when read. */
  subscription: Json<unknown>;
  active: Generated<boolean>;
  inactive_reason: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ReminderSettingsTable {
  organisation_id: string;
  /** A ReminderPolicy for people's DMs; null: DMs off. No row: the default policy. */
  dm_policy: Json<unknown> | null;
  /** Planning has covered every step due up to this instant. */
  planned_through: Instant | null;
  updated_at: Instant;
}

export interface ManagerDigestTable {
  person_id: string;
  organisation_id: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local time `HH:mm` in the manager's zone. */
  send_at: string;
  active: Generated<boolean>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ReminderSnoozeTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  /** The last local day (the person's zone) without nudges, inclusive. */
  until_date: string;
  created_at: Instant;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';

export interface ReminderDeliveryTable {
  id: BigId;
  organisation_id: string;
  /** Unique per organisation: target, certificate or digest, cycle, step. */
  key: string;
  kind: string;
  platform: string;
  target_id: string | null;
  person_id: string | null;
  plan: Json<unknown>;
  due_at: Instant;
  status: DeliveryStatus;
  attempts: Generated<number>;
  available_at: Instant;
  message_id: string | null;
  last_error: string | null;
  planned_at: Instant;
  sending_at: Instant | null;
  finished_at: Instant | null;
}

export interface ComplianceSnapshotTable {
  organisation_id: string;
  /** Monday of the ISO week, in the organisation's zone. */
  week_start: string;
  compliant: number;
  at_risk: number;
  out_of_compliance: number;
  taken_at: Instant;
}
