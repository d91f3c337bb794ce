import type { Generated } from 'kysely';
import type { Instant, Json, BigId } from './schema-columns.ts';

// The audit trail and what the platforms leave: inbound deliveries, installations, OAuth states.

export interface AuditEventTable {
  id: BigId;
  organisation_id: string;
  actor_person_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  source: string;
  request_id: string | null;
  undoes_event_id: string | null;
  occurred_at: Instant;
}

export interface ProcessedInboundTable {
  source: string;
  inbound_id: string;
  organisation_id: string | null;
  received_at: Instant;
}

export interface PlatformInstallationTable {
  id: Generated<string>;
  platform: string;
  installation_key: string;
  enterprise_id: string | null;
  team_id: string | null;
  data: Json<unknown>;
  active: Generated<boolean>;
  installed_at: Instant;
  updated_at: Instant;
  deactivated_at: Instant | null;
}

export interface InboundDeliveryTable {
  id: BigId;
  platform: string;
  delivery_id: string;
  kind: string;
  tenant_key: string;
  user_key: string | null;
  /** JSON text (see the migration: jsonb refuses \u0000). */
  payload: string;
  received_at: Instant;
  status: 'pending' | 'processing' | 'replying' | 'finished';
  attempts: Generated<number>;
  reply_attempts: Generated<number>;
  available_at: Instant;
  lease_token: string | null;
  outcome: string | null;
  failed: Generated<boolean>;
  last_error: string | null;
  processed_at: Instant | null;
  finished_at: Instant | null;
}

/** A single-use OAuth state awaiting its callback (platform-level, not a tenant row). */
export interface OAuthStateTable {
  state_hash: string;
  platform: string;
  payload: Json<unknown>;
  created_at: Instant;
  expires_at: Instant;
}
