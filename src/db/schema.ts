import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { FileOfferTable } from './schema-file-offers.ts';
import type { TeamsConversationTable } from './schema-teams-conversations.ts';

/**
 * Table shapes as Kysely sees them. Calendar dates (`date`) come back as `yyyy-MM-dd` strings
 * (see connection.ts), instants (`timestamptz`) as Date, `numeric` as string, `bigint` as string.
 */
type Instant = ColumnType<Date, Date | string, Date | string>;
type Numeric = ColumnType<string, string | number, string | number>;
type Json<T> = ColumnType<T, string, string>;
type BigId = ColumnType<string, never, never>;

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

export interface CredentialTypeTable {
  organisation_id: string;
  code: string;
  rules: Json<unknown>;
  created_at: Instant;
}

export interface CredentialTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  type_code: string;
  number: string;
  issued_on: string;
  expires_on: string;
  created_at: Instant;
  deleted_at: Instant | null;
}

export interface TrainingTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  seq: number;
  credential_code: string;
  title: string;
  title_key: string;
  kind: string;
  completed_on: string;
  minutes: number;
  minutes_source: string;
  credit: Numeric | null;
  index_number: string | null;
  review_reason: string | null;
  registered: boolean | null;
  /** "Is this a CMS/MLN training?" answered yes by the person (null: the text said so, or never asked). */
  cms_confirmed: Generated<boolean | null>;
  how_computed: string;
  source: string;
  original_text: string;
  created_at: Instant;
  deleted_at: Instant | null;
}

export interface ProofFileTable {
  id: Generated<string>;
  organisation_id: string;
  sha256: string;
  media_type: string;
  size_bytes: number;
  bytes: Buffer;
  created_at: Instant;
}

export interface TrainingProofTable {
  id: Generated<string>;
  organisation_id: string;
  training_id: string;
  proof_file_id: string;
  file_name: string;
  source: string;
  attached_by: string;
  attached_at: Instant;
  removed_at: Instant | null;
}

export interface FeePaymentTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  credential_id: string;
  amount_cents: number;
  currency: string;
  paid_on: string;
  reference: string | null;
  created_at: Instant;
  deleted_at: Instant | null;
}

export interface DraftTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  status: 'open' | 'confirmed' | 'cancelled';
  payload: Json<unknown>;
  training_id: string | null;
  source: string;
  anchor: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** When the bot last reminded the person of it (migration 20261203T070000Z). */
  reminded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

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

export interface Database {
  organisations: OrganisationTable;
  people: PersonTable;
  credential_types: CredentialTypeTable;
  credentials: CredentialTable;
  trainings: TrainingTable;
  proof_files: ProofFileTable;
  training_proofs: TrainingProofTable;
  fee_payments: FeePaymentTable;
  drafts: DraftTable;
  audit_events: AuditEventTable;
  processed_inbound: ProcessedInboundTable;
  platform_installations: PlatformInstallationTable;
  inbound_deliveries: InboundDeliveryTable;
  oauth_states: OAuthStateTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  manager_scopes: ManagerScopeTable;
  standings: StandingTable;
  reminder_targets: ReminderTargetTable;
  reminder_settings: ReminderSettingsTable;
  manager_digests: ManagerDigestTable;
  reminder_snoozes: ReminderSnoozeTable;
  reminder_deliveries: ReminderDeliveryTable;
  compliance_snapshots: ComplianceSnapshotTable;
  audits: AuditTable;
  audit_items: AuditItemTable;
  teams_conversations: TeamsConversationTable;
  file_offers: FileOfferTable;
}

/** Tables whose rows belong to an organisation: every query on them must filter on `organisation_id`. */
export const TENANT_TABLES: ReadonlySet<string> = new Set([
  'people',
  'credential_types',
  'credentials',
  'trainings',
  'proof_files',
  'training_proofs',
  'fee_payments',
  'drafts',
  'audit_events',
  'teams',
  'team_members',
  'manager_scopes',
  'standings',
  'reminder_targets',
  'reminder_settings',
  'manager_digests',
  'reminder_snoozes',
  'reminder_deliveries',
  'compliance_snapshots',
  'audits',
  'audit_items',
  'teams_conversations',
  'file_offers',
]);

export type TrainingRow = Selectable<TrainingTable>;
export type NewTraining = Insertable<TrainingTable>;
export type PersonRow = Selectable<PersonTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type CredentialRow = Selectable<CredentialTable>;
export type DraftRow = Selectable<DraftTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
