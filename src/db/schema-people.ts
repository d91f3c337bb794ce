import type { ColumnType, Generated } from 'kysely';
import type { Instant, Json } from './schema-columns.ts';

// People, organisations, teams and each person's stored standing.

export interface OrganisationTable {
  id: Generated<string>;
  platform: string;
  external_id: string;
  name: string;
  time_zone: string;
  created_at: Instant;
}

export interface PersonTable {
  id: Generated<string>;
  organisation_id: string;
  platform_user_id: string;
  display_name: string;
  time_zone: string | null;
  role: 'scribe' | 'manager' | 'admin';
  next_seq: Generated<number>;
  created_at: Instant;
  greeted_at: Instant | null;
  active: Generated<boolean>;
  deactivated_at: Instant | null;
  /** An owner or admin of the workspace on the platform: a Recert admin whatever `role` says. */
  platform_admin: Generated<boolean>;
  email: string | null;
  /** Moved on by triggers whenever the person's entries, proofs, fees or certificates change. */
  ledger_version: ColumnType<string, never, never>;
}

export interface TeamTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  created_at: Instant;
}

export interface TeamMemberTable {
  organisation_id: string;
  team_id: string;
  person_id: string;
  added_at: Instant;
}

export interface ManagerScopeTable {
  organisation_id: string;
  person_id: string;
  team_id: string;
}

export interface StandingTable {
  person_id: string;
  organisation_id: string;
  /** The person's ledger_version this summary was computed at. */
  version: string;
  summary: Json<unknown>;
  computed_at: Instant;
  /** The report's columns (migration 20261203T090000Z): the summary's format, null on rows written before them. */
  format: number | null;
  cert_number: string | null;
  /** ISO dates as text. */
  issued_on: string | null;
  expires_on: string | null;
  /** The same two days as whole days since 1970-01-01 (migration 20261204T101500Z): the report's days left is one subtraction. */
  issued_day: number | null;
  expires_day: number | null;
  expiring_soon_days: number | null;
  earned: number | null;
  required: number | null;
  fee_paid: boolean | null;
  /** The day-independent reasons' codes, comma-separated. */
  ledger_codes: string | null;
  /** The state before the certificate's issue day, while valid, from its expiry day (migration 20261203T153000Z; `statesOf`). */
  state_before: 'compliant' | 'at_risk' | 'out_of_compliance' | null;
  state_during: 'compliant' | 'at_risk' | 'out_of_compliance' | null;
  state_after: 'compliant' | 'at_risk' | 'out_of_compliance' | null;
}
