/**
 * The core's public entry. Adapters (terminal, Slack, Teams) and the command line import from
 * here only; everything else in src/ is internal (enforced by dependency-cruiser).
 */
export type { Clock } from './clock.ts';
export type { Logger } from './log.ts';
export { silentLogger } from './log.ts';
export { parseConfig, ConfigError, type Config, type LogLevel } from './config.ts';
export { RecertError, isRecertError, type ErrorCode, type ErrorDetails } from './errors.ts';
export type * from './replies.ts';
export { SecretBox, SecretError, KEY_BYTES, type EncryptionKey, type SealedSecret, type SecretErrorCode } from './secrets/secret-box.ts';
export { parseKeySpec, formatKeySpec } from './secrets/key-spec.ts';
export type { SecretPath } from './secrets/sealed-fields.ts';

export { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from './domain/activity-kind.ts';
export { CMSS_RULES, type CredentialRules, type CreditBucket } from './domain/credential-rules.ts';
export { awardCredit, formatCredit, type CreditAward } from './domain/credit.ts';
export type { ComplianceReason, ComplianceState, EntryRef, Exclusion } from './domain/compliance.ts';
export { isValidZone, localDate, type IsoDate } from './domain/dates.ts';
export type { Actor, Role, Source } from './domain/people.ts';
export { MAX_PROOF_BYTES, MEDIA_TYPE_LABELS, sniffMediaType } from './domain/proof-file.ts';

export { openDatabase, type OpenDatabase, type DatabaseSettings } from './db/open-database.ts';
export { DataDirInUseError } from './db/data-dir-lock.ts';
export { DataDirUnusableError } from './db/data-dir-check.ts';
export { probeDatabase, DatabaseHungUpError, DatabaseTimeoutError } from './db/probe.ts';
export { migrateToLatest, MigrationFailedError } from './db/migrate.ts';
export { claimInbound, releaseInbound } from './db/repositories/inbound.ts';
export { enqueueInbound, countInbound, type NewInbound } from './db/repositories/inbound-deliveries.ts';
export { houseKeep, INBOUND_RETENTION_MS, DRAFT_ABANDONED_DAYS, type HousekeepingTally } from './db/repositories/housekeeping.ts';
export { InboxDrainer, DEFAULT_DRAINER_OPTIONS, type DrainerOptions, type DrainerDeps } from './inbox/drainer.ts';
export { PermanentDeliveryError, type InboundHandler, type InboundDelivery } from './inbox/handler.ts';
export { saveInstallation, findInstallation, deactivateInstallation, type InstallationKey, type InstallationSecrets, type StoredInstallation } from './db/repositories/installations.ts';
export { rotateInstallationSecrets, type RotationReport, type RotationFailure } from './db/repositories/installation-secrets.ts';
export { issueOAuthState, consumeOAuthState, type ConsumedState } from './db/repositories/oauth-states.ts';
export type { Db } from './db/connection.ts';

export type { CoreDeps } from './use-cases/deps.ts';
export { identify, type IdentifyInput, type Identified } from './use-cases/identify.ts';
export { logTraining, type LogOptions } from './use-cases/log-training.ts';
export { logTrainingForm, checkTrainingForm, type TrainingForm, type FormField, type FormProblem } from './use-cases/log-training-form.ts';
export { previewTrainingForm } from './use-cases/preview-training-form.ts';
export { answerDraft } from './use-cases/answer-draft.ts';
export { confirmDraft } from './use-cases/confirm-draft.ts';
export { submitDraftForm } from './use-cases/submit-draft-form.ts';
export { cancelDraft } from './use-cases/cancel-draft.ts';
export { undoLast } from './use-cases/undo.ts';
export { editTraining, type TrainingChanges } from './use-cases/edit-training.ts';
export { deleteTraining } from './use-cases/delete-training.ts';
export { attachProof, type ProofUpload } from './use-cases/attach-proof.ts';
export { getStatus } from './use-cases/get-status.ts';
export { getHistory, HISTORY_PAGE_SIZE } from './use-cases/get-history.ts';
export { saveCredential, type CredentialInput } from './use-cases/save-credential.ts';
export { recordFeePayment, type FeeInput } from './use-cases/record-fee.ts';
export { answerQuestion, type QuestionAnswerKind } from './use-cases/question-answers.ts';
export { explainText, type TextExplanation, type ExplainReason } from './use-cases/explain-text.ts';

export { converse, replyTo, asReply, type ConverseOptions } from './chat/converse.ts';
export type { DraftRef } from './use-cases/draft-store.ts';
export { draftFields, anchoredEntry, knownAnchoredEntry, type DraftFields, type AnchoredEntry } from './use-cases/draft-details.ts';
export { knownTimeZone } from './use-cases/known-zone.ts';
export { interpret } from './chat/interpret.ts';
export type { Mentions, MentionedProfile, PersonRef } from './use-cases/subjects.ts';
export type { About } from './use-cases/about.ts';
export { getComplianceReport, buildComplianceReport, REPORT_PAGE_SIZE, type ComplianceReport } from './use-cases/report/compliance-report.ts';
export type { ReportFilters, ReportRow, ReportCounts } from './domain/report.ts';
export { exportComplianceReport, type OrganisationReport } from './use-cases/report/export-report.ts';
export { changeRole, listRoles } from './use-cases/roles.ts';
export { claimAdminIfNone, makeInstallerAdmin } from './use-cases/bootstrap-admin.ts';
export * from './use-cases/roster/index.ts';
export { operatorActor, parseOrganisation } from './use-cases/operator.ts';
export { changeTeam, showTeams } from './use-cases/teams.ts';
export { effectiveRole } from './domain/people.ts';
export { getTranscript, type TranscriptFormat } from './use-cases/paperwork/transcript.ts';
export { getEvidencePack, readEvidence, EvidenceUnreadableError } from './use-cases/paperwork/evidence-pack.ts';
export { exportPaperwork } from './use-cases/paperwork/export-paperwork.ts';
export type { PaperworkRequest, Transcript, TranscriptEntry, TranscriptExclusion, TranscriptTotals, EvidencePack, EvidenceFile } from './domain/paperwork.ts';
export { paperworkBaseName, evidenceNames, slugOf } from './domain/paperwork.ts';
export { can, type Permission, type Access } from './domain/permissions.ts';
export type { Intent, HelpTopic } from './chat/intent.ts';
export type { OutboundAddress, OutboundImage, OutboundPort, SendOutcome } from './reminders/outbound.ts';
// Reminders, the people's side: settings from chat, the snooze, messages as data (issue 8).
export type { ReminderMessage, DigestRow, WeekCounts } from './reminders/messages.ts';
export type { ChannelReminders, NextSend, ReminderReply } from './reminders/replies.ts';
export type { ReminderChannel } from './use-cases/reminders/channel-view.ts';
export { snoozeReminders, MAX_SNOOZE_DAYS } from './use-cases/reminders/snooze.ts';
export { SNOOZE_DAYS } from './chat/interpret-remind.ts';
export type { AuditCounts, AuditFilters, AuditOutcome } from './domain/audit.ts';
export { startAudit, type StartAudit } from './use-cases/audit/start-audit.ts';
export { auditStatus } from './use-cases/audit/audit-status.ts';
export { remindAudit } from './use-cases/audit/remind-audit.ts';
export { closeAudit, type CloseAudit } from './use-cases/audit/close-audit.ts';
export { chooseAuditItem } from './use-cases/audit/attach-for-item.ts';
export { composeDue, composeManagerDigest, composeDeliveriesUnknown, takeComplianceSnapshot, type Composed, type SkipReason } from './reminders/compose.ts';
export { dropFileOffer, offerFile, takeFileOffer, type FileOffer } from './db/repositories/file-offers.ts';
export { deactivateTeamsConversation, findLatestConversation, findPersonalConversation, findTeamsConversation, saveTeamsConversation, type TeamsConversation } from './db/repositories/teams-conversations.ts';
export * from './reminders/public.ts';
export * from './scheduler/public.ts';
