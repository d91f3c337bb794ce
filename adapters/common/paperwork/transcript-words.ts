import type { Transcript, TranscriptEntry, TranscriptExclusion } from '../../../src/index.ts';
import { formatCe, formatDate, kindLabel } from '../format.ts';

/** The transcript's words, shared by the PDF and the CSV so the two always say the same. */

export const TRANSCRIPT_TITLE = 'Continuing education transcript';

export const ENTRY_COLUMNS = ['Entry', 'Title', 'Kind', 'Completed on', 'Minutes', 'Credit (CE)', 'Index number', 'Proof on file', 'Counts', 'CMS/MLN'] as const;

/** The same columns, short enough for the PDF's narrow ones (a word is never broken). */
export const PDF_COLUMNS = ['#', 'Title', 'Kind', 'Date', 'Min.', 'CE', 'Index no.', 'Proof', 'Counts'] as const;

const NOT_COUNTED: Readonly<Record<TranscriptExclusion, string>> = {
  duplicate: 'No: same course already counted',
  'needs-review': 'No: length needs review',
  'registration-missing': 'No: no MLN registration',
};

/** One entry's cells, in ENTRY_COLUMNS order; dates as ISO (a form and a spreadsheet read them as dates). */
export function entryCells(entry: TranscriptEntry): string[] {
  return [
    String(entry.seq),
    entry.title,
    kindLabel(entry.kind),
    entry.completedOn,
    String(entry.minutes),
    entry.credit === null ? '' : String(entry.credit),
    entry.indexNumber ?? '',
    entry.proofOnFile ? 'Yes' : 'No',
    entry.notCounted ? NOT_COUNTED[entry.notCounted] : 'Yes',
    entry.cmsConfirmedByScribe ? CMS_CONFIRMED : 'Named in the entry',
  ];
}

/** What a manager reads when the text named no CMS/MLN training and the scribe said it is one. */
const CMS_CONFIRMED = 'Confirmed by the scribe';

/** The PDF's cells (PDF_COLUMNS): no column of its own for CMS/MLN, a note under the title instead. */
export function pdfCells(entry: TranscriptEntry): string[] {
  const cells = entryCells(entry).slice(0, PDF_COLUMNS.length);
  if (entry.cmsConfirmedByScribe) cells[1] = `${entry.title} (CMS/MLN: ${CMS_CONFIRMED.toLowerCase()})`;
  return cells;
}

/** Label → value lines above the table: the person, the certificate, the totals, when it was made. */
export function summaryFacts(t: Transcript): [string, string][] {
  const { credential: c, totals } = t;
  return [
    ['Name', t.person.displayName],
    ...(t.organisationName ? [['Organisation', t.organisationName] as [string, string]] : []),
    ['Credential', `${c.name} (${c.code})`],
    ['Certificate number', c.number ?? 'not on file'],
    ['Issued on', c.issuedOn ? formatDate(c.issuedOn) : '—'],
    ['Expires on', c.expiresOn ? formatDate(c.expiresOn) : '—'],
    ['Credit', `${formatCe(totals.earned)} earned of ${formatCe(totals.required)} required (${totals.countedEntries} ${totals.countedEntries === 1 ? 'entry' : 'entries'}, ${totals.countedMinutes} minutes)`],
    ['Generated on', `${formatDate(t.generatedOn)} (${t.timeZone})`],
  ];
}

export function noEntriesLine(): string {
  return 'No entries in the current cycle yet.';
}
