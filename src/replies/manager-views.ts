import type { IsoDate } from '../domain/dates.ts';
import type { ReportCounts, ReportRow } from '../domain/report.ts';
import type { EvidencePack, Transcript } from '../domain/paperwork.ts';
import type { AuditFilters } from '../domain/audit.ts';

// What paperwork and audit replies show.

/** Renewal paperwork as data; adapters make the files (no bytes travel in a reply). */
export type Paperwork =
  | { readonly what: 'transcript'; readonly format: 'pdf' | 'csv'; readonly transcript: Transcript }
  | { readonly what: 'pack'; readonly pack: EvidencePack }
  /** The organisation report (everyone the asker may see) as a CSV file; `generatedOn` in the asker's zone. */
  | { readonly what: 'report'; readonly counts: ReportCounts; readonly rows: readonly ReportRow[]; readonly limitedTo: readonly string[] | null; readonly generatedOn: IsoDate };

/** Where the adapter put the files it made: a folder (the terminal) or the asker's DM (Slack). */
export interface PaperworkDelivery {
  readonly files: readonly { readonly name: string; readonly mediaType: string; readonly sizeBytes: number }[];
  readonly place:
    | { readonly kind: 'folder'; readonly path: string }
    | { readonly kind: 'dm' }
    /** Offered in the asker's personal chat (Teams' file consent card), waiting `minutes` for them to allow it. */
    | { readonly kind: 'consent'; readonly minutes: number };
}

/** Who an audit is, for every audit reply: how it was drawn and by whom. */
export interface AuditHead {
  readonly id: string;
  readonly seed: number;
  readonly percent: number;
  readonly filters: AuditFilters;
  readonly startedBy: string;
  readonly startedOn: IsoDate;
  /** How many people qualified for the sample. */
  readonly candidates: number;
}

/** One entry an audit asks documentation for. `itemId` is what its "Attach certificate" button carries. */
export interface AuditItemView {
  readonly itemId: string;
  readonly seq: number;
  readonly title: string;
  readonly completedOn: IsoDate;
  readonly status: 'requested' | 'answered' | 'waived';
}

/** A sampled person and their items; `outstanding` counts the requested ones. */
export interface AuditPersonView {
  readonly personId: string;
  readonly displayName: string;
  readonly outstanding: number;
  readonly items: readonly AuditItemView[];
}

/** Someone to tell privately (their DM): see the `notify` reply. */
export interface Recipient {
  readonly personId: string;
  readonly platformUserId: string;
  readonly displayName: string;
}
