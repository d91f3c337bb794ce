import { stringify } from 'csv-stringify/sync';
import type { Transcript } from '../../../src/index.ts';
import { ENTRY_COLUMNS, entryCells, summaryFacts } from './transcript-words.ts';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading `'`: a title
 * typed in chat must never become a formula in someone's Excel.
 */
function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The transcript as CSV: the summary (label, value), an empty line, then one row per entry under a
 * header. UTF-8 without a BOM, CRLF line ends and RFC 4180 quoting (csv-stringify).
 */
export function transcriptCsv(transcript: Transcript): Buffer {
  const rows: string[][] = [
    ...summaryFacts(transcript),
    [],
    [...ENTRY_COLUMNS],
    ...transcript.entries.map(entryCells),
  ].map((row) => row.map(safeCell));
  return Buffer.from(stringify(rows, { record_delimiter: 'windows' }), 'utf8');
}
