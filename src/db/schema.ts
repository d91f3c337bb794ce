import type { Insertable, Selectable } from 'kysely';
import type { FileOfferTable } from './schema-file-offers.ts';
import type { TeamsConversationTable } from './schema-teams-conversations.ts';
import type { OrganisationTable, PersonTable, TeamTable, TeamMemberTable, ManagerScopeTable, StandingTable } from './schema-people.ts';
import type { CredentialTypeTable, CredentialTable, TrainingTable, ProofFileTable, TrainingProofTable, FeePaymentTable, DraftTable } from './schema-records.ts';
import type { AuditEventTable, ProcessedInboundTable, PlatformInstallationTable, InboundDeliveryTable, OAuthStateTable } from './schema-platform.ts';
import type { ReminderTargetTable, ReminderSettingsTable, ManagerDigestTable, ReminderSnoozeTable, ReminderDeliveryTable, ComplianceSnapshotTable } from './schema-reminders.ts';
import type { AuditTable, AuditItemTable } from './schema-audits.ts';

/** Table shapes as Kysely sees them, one file per area (dates and instants: schema-columns.ts). */
export type { OrganisationTable, PersonTable, TeamTable, TeamMemberTable, ManagerScopeTable, StandingTable } from './schema-people.ts';
export type { CredentialTypeTable, CredentialTable, TrainingTable, ProofFileTable, TrainingProofTable, FeePaymentTable, DraftTable } from './schema-records.ts';
export type { AuditEventTable, ProcessedInboundTable, PlatformInstallationTable, InboundDeliveryTable, OAuthStateTable } from './schema-platform.ts';
export type { ReminderTargetTable, ReminderSettingsTable, ManagerDigestTable, ReminderSnoozeTable, DeliveryStatus, ReminderDeliveryTable, ComplianceSnapshotTable } from './schema-reminders.ts';
export type { AuditTable, AuditItemStatus, AuditItemTable } from './schema-audits.ts';

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
