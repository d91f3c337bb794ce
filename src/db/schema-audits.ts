import type { ColumnType, Generated } from 'kysely';
import type { Instant, Json } from './schema-columns.ts';

// Verification audits and their sampled items.

export interface AuditTable {
  id: Generated<string>;
  organisation_id: string;
  /** 'organisation' or 'team:<team id>': one open audit per scope. */
  scope_key: string;
  team_id: string | null;
  /** The PRNG seed the sample was drawn with (a uint32; bigint: returned as a string). */
  seed: ColumnType<string, number, never>;
  percent: number;
  /** AuditFilters (src/domain/audit.ts), as asked. */
  filters: Json<unknown>;
  /** The sampled people's ids, in draw order. */
  sample: Json<unknown>;
  candidates: number;
  started_by: string | null;
  started_at: Instant;
  closed_at: Instant | null;
  closed_by: string | null;
  outcome: 'passed' | 'failed' | null;
  /** AuditSummary at close. */
  summary: Json<unknown> | null;
}

export type AuditItemStatus = 'requested' | 'answered' | 'waived';

export interface AuditItemTable {
  id: Generated<string>;
  organisation_id: string;
  audit_id: string;
  person_id: string;
  training_id: string;
  status: AuditItemStatus;
  requested_at: Instant;
  answered_at: Instant | null;
  awaiting_at: Instant | null;
  reminded_at: Instant | null;
  reminders: Generated<number>;
}
