import type { ActivityKind } from './activity-kind.ts';
import type { ComplianceState, Exclusion } from './compliance-types.ts';
import type { IsoDate } from './dates.ts';

/** What a person asks to export: the transcript (as a PDF or a CSV) or the evidence pack (a zip). */
export type PaperworkRequest = { readonly what: 'transcript'; readonly format: 'pdf' | 'csv' } | { readonly what: 'pack' } | { readonly what: 'report' };

/** Why an entry of the cycle does not count (outside the cycle is not on the transcript at all). */
export type TranscriptExclusion = Exclude<Exclusion, 'outside-cycle'>;

/** One entry of the cycle as the ACMSS renewal form asks for it. */
export interface TranscriptEntry {
  readonly seq: number;
  readonly title: string;
  readonly kind: ActivityKind;
  readonly completedOn: IsoDate;
  readonly minutes: number;
  /** Credit in CE; null while the length needs review. */
  readonly credit: number | null;
  readonly indexNumber: string | null;
  readonly proofOnFile: boolean;
  /** Null when the entry counts toward the cycle. */
  readonly notCounted: TranscriptExclusion | null;
  /** Nothing in the text said CMS or MLN; the scribe confirmed it is a CMS/MLN training (issue 10). */
  readonly cmsConfirmedByScribe: boolean;
}

export interface TranscriptTotals {
  /** Credit earned by the counted entries, in CE. */
  readonly earned: number;
  readonly required: number;
  /** Real minutes behind the counted entries. */
  readonly countedMinutes: number;
  readonly countedEntries: number;
}

/** A person's transcript for the renewal form, as data; adapters make the PDF and CSV. */
export interface Transcript {
  readonly person: { readonly id: string; readonly displayName: string };
  readonly organisationName: string;
  readonly credential: {
    readonly code: string;
    readonly name: string;
    /** Null before the person has told us their certificate. */
    readonly number: string | null;
    readonly issuedOn: IsoDate | null;
    readonly expiresOn: IsoDate | null;
  };
  readonly state: ComplianceState;
  /** The generation day in the person's zone, and the zone. */
  readonly generatedOn: IsoDate;
  readonly timeZone: string;
  readonly entries: readonly TranscriptEntry[];
  readonly totals: TranscriptTotals;
}

/** A certificate file of the cycle, as it goes into the pack (bytes are read when the zip is made). */
export interface EvidenceFile {
  readonly proofFileId: string;
  readonly seq: number;
  /** The name it was attached under. */
  readonly originalName: string;
  /** Its name inside the pack: `entry-03-medicare-billing.pdf`, unique. */
  readonly name: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

export interface EvidencePack {
  /** Whose stored files these are: certificates are read back from this organisation only. */
  readonly organisationId: string;
  readonly transcript: Transcript;
  readonly files: readonly EvidenceFile[];
}

/** A file name's safe words: lower case ASCII letters and digits joined by dashes (accents dropped), at most `max` characters. */
export function slugOf(text: string, max = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'entry';
}

const EXTENSIONS: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/**
 * The pack's name for each certificate, in order: `entry-<seq, two digits>-<title>.<ext>`; a second
 * file of the same entry (or a same-named one) gets `-2`, `-3`, … so no two names collide.
 */
export function evidenceNames(files: readonly { readonly seq: number; readonly title: string; readonly mediaType: string; readonly originalName: string }[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const ext = EXTENSIONS[file.mediaType] ?? (/\.([a-z0-9]{1,5})$/i.exec(file.originalName)?.[1]?.toLowerCase() ?? 'bin');
    const stem = `entry-${String(file.seq).padStart(2, '0')}-${slugOf(file.title)}`;
    let name = `${stem}.${ext}`;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.${ext}`;
    taken.add(name);
    return name;
  });
}

/** The base of an export's file names: `transcript-ana-ortiz-2026-11-27`. */
export function paperworkBaseName(what: 'transcript' | 'evidence-pack', transcript: Transcript): string {
  return `${what}-${slugOf(transcript.person.displayName, 30)}-${transcript.generatedOn}`;
}
