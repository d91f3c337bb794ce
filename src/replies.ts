import type { IsoDate } from './domain/dates.ts';
import type { ErrorCode, ErrorDetails } from './errors.ts';
import type { ReportCounts, ReportFilters, ReportRow } from './domain/report.ts';
import type { Role } from './domain/people.ts';
import type { HelpTopic } from './chat/intent.ts';
import type { ReminderReply } from './reminders/replies.ts';
import type { RosterChange, RosterEntry, RosterImportResult } from './domain/roster.ts';
import type { AuditCounts, AuditOutcome } from './domain/audit.ts';
import type { EditableField, TrainingView, Progress, DraftPreview, WaitingDraft, LengthCandidate, StatusView, UndoneChange } from './replies/entry-views.ts';
import type { Paperwork, PaperworkDelivery, AuditHead, AuditItemView, AuditPersonView, Recipient } from './replies/manager-views.ts';

export type { EditableField, TrainingView, Progress, PreviewWarning, DraftPreview, WaitingDraft, LengthCandidate, StatusView, UndoneChange } from './replies/entry-views.ts';
export type { Paperwork, PaperworkDelivery, AuditHead, AuditItemView, AuditPersonView, Recipient } from './replies/manager-views.ts';

export type Reply =
  | { readonly kind: 'welcome'; readonly displayName: string; readonly hasCredential: boolean; /** The organisation had no admin: this person was made its admin. */ readonly firstAdmin?: boolean }
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  /** "hi": a short friendly hint, not the whole help. */
  | { readonly kind: 'greeting'; readonly displayName: string; readonly thanks?: boolean }
  | { readonly kind: 'not-understood'; readonly text: string }
  | { readonly kind: 'training-preview'; readonly draftId: string; readonly preview: DraftPreview }
  | {
      readonly kind: 'question';
      readonly draftId: string;
      readonly ask: 'length' | 'title' | 'date';
      readonly title: string | null;
      /** For `date`: the words that named no day ("last month"). */
      readonly dateText?: string;
      readonly candidates: readonly LengthCandidate[];
    }
  /**
   * Previews still open: `which` when a plain yes/no (or a name that fits none) could mean several;
   * `also` after one was answered or added; `reminder` for ones left waiting (across a restart too).
   */
  | { readonly kind: 'drafts-waiting'; readonly reason: 'which' | 'also' | 'reminder'; readonly answer: 'confirm' | 'cancel'; readonly drafts: readonly WaitingDraft[] }
  | { readonly kind: 'training-logged'; readonly training: TrainingView; readonly progress: Progress; readonly alreadyLogged: boolean }
  | { readonly kind: 'draft-cancelled'; readonly title: string | null }
  | { readonly kind: 'undone'; readonly change: UndoneChange }
  | { readonly kind: 'status'; readonly status: StatusView }
  | {
      readonly kind: 'history';
      readonly entries: readonly TrainingView[];
      readonly page: number;
      readonly pageCount: number;
      readonly total: number;
      /** Whose history, when it is not the asker's own (a manager's view of a scribe). */
      readonly of?: { readonly personId: string; readonly displayName: string };
    }
  | { readonly kind: 'training-updated'; readonly training: TrainingView; readonly changed: readonly EditableField[]; readonly progress: Progress }
  | { readonly kind: 'training-deleted'; readonly training: TrainingView; readonly progress: Progress }
  | {
      readonly kind: 'proof-attached';
      readonly training: TrainingView;
      readonly file: { readonly name: string; readonly mediaType: string; readonly sizeBytes: number; readonly sha256: string };
      /** The same bytes were already stored (for another entry), so they were not stored again. */
      readonly reusedStoredFile: boolean;
      readonly alreadyAttached: boolean;
      readonly alsoAttachedTo: readonly { readonly seq: number; readonly title: string }[];
      /** The entry was an open audit's request: now answered, with how many of the person's requests remain. */
      readonly audit?: { readonly answered: number; readonly outstanding: number };
    }
  | {
      readonly kind: 'credential-saved';
      readonly mode: 'created' | 'renewed' | 'corrected';
      readonly credentialCode: string;
      readonly number: string;
      readonly issuedOn: IsoDate;
      readonly expiresOn: IsoDate;
      readonly requiredCredit: number;
    }
  | { readonly kind: 'fee-recorded'; readonly amountCents: number; readonly currency: string; readonly paidOn: IsoDate; readonly credentialNumber: string }
  | {
      readonly kind: 'compliance-report';
      readonly counts: ReportCounts;
      readonly filters: ReportFilters;
      /** The teams the asker is limited to (null: the whole organisation). */
      readonly limitedTo: readonly string[] | null;
      /** This page's people, most urgent first; the first is number `offset + 1` of the list. */
      readonly rows: readonly ReportRow[];
      readonly offset: number;
      /** How many people the report lists in all (every page). */
      readonly listed: number;
      readonly page: number;
      readonly pageCount: number;
    }
  | { readonly kind: 'role-changed'; readonly person: string; readonly role: Role; readonly teams: readonly string[]; readonly previous: Role; readonly platformAdmin: boolean }
  | {
      readonly kind: 'roles';
      readonly people: readonly { readonly displayName: string; readonly role: Role; readonly platformAdmin: boolean; readonly managerOf: readonly string[]; readonly teams: readonly string[] }[];
      readonly scribes: number;
    }
  | { readonly kind: 'team-changed'; readonly team: string; readonly op: 'add' | 'remove'; readonly changed: readonly string[]; readonly unchanged: readonly string[] }
  | { readonly kind: 'teams'; readonly teams: readonly { readonly name: string; readonly members: number }[] }
  | { readonly kind: 'roster'; readonly people: readonly RosterEntry[]; readonly offset: number; readonly total: number; readonly removed: number; readonly page: number; readonly pageCount: number; readonly limitedTo: readonly string[] | null }
  | { readonly kind: 'roster-changed'; readonly change: RosterChange }
  | { readonly kind: 'roster-import'; readonly result: RosterImportResult }
  /**
   * A message for someone else than the asker (an audit's request to a sampled person): adapters
   * deliver `message` privately to that person (Slack: their DM), not in the conversation.
   */
  | ReminderReply
  | { readonly kind: 'notify'; readonly to: { readonly personId: string; readonly platformUserId: string; readonly displayName: string }; readonly message: Reply }
  /**
   * Paperwork the asker exported, always delivered to the asker alone. `delivered` is filled in by
   * the adapter once it has made the files and put them somewhere.
   */
  | { readonly kind: 'paperwork'; readonly paperwork: Paperwork; readonly isSelf: boolean; readonly delivered?: PaperworkDelivery }
  /** `notices`: the private requests to send (converse puts them after this reply). */
  | { readonly kind: 'audit-started'; readonly audit: AuditHead; readonly counts: AuditCounts; readonly people: readonly AuditPersonView[]; readonly notices: readonly { readonly kind: 'notify'; readonly to: Recipient; readonly message: Reply }[] }
  /** People with something outstanding first. */
  | { readonly kind: 'audit-status'; readonly audit: AuditHead; readonly counts: AuditCounts; readonly people: readonly AuditPersonView[] }
  | { readonly kind: 'audit-reminded'; readonly audit: AuditHead; readonly reminded: readonly { readonly displayName: string; readonly outstanding: number }[]; readonly notices: readonly { readonly kind: 'notify'; readonly to: Recipient; readonly message: Reply }[] }
  | { readonly kind: 'audit-closed'; readonly audit: AuditHead; readonly outcome: AuditOutcome | null; readonly note: string | null; readonly counts: AuditCounts }
  /** What a sampled person receives: the entries needing their certificate, one button each. */
  | { readonly kind: 'audit-request'; readonly auditor: string; readonly reminder: boolean; readonly items: readonly AuditItemView[] }
  /** "Attach certificate" pressed: the next file the person sends is for this entry. */
  | { readonly kind: 'audit-attach-ready'; readonly item: AuditItemView }
  | { readonly kind: 'error'; readonly code: ErrorCode; readonly details: ErrorDetails };
