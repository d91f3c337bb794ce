import { ROSTER_COLUMNS, type RosterColumn } from '../../domain/roster.ts';
import { RecertError } from '../../errors.ts';

/** The CSV libraries, loaded on first use: the chat and `recert parse` never need them (test/e2e/module-loading). */
async function csvLibraries() {
  const [{ parse }, { stringify }] = await Promise.all([import('csv-parse/sync'), import('csv-stringify/sync')]);
  return { parse, stringify };
}

/** Largest roster file read (bytes of text): some 20,000 people. */
export const MAX_ROSTER_FILE_CHARS = 2_000_000;

/** One data row: its first line in the file and the values by column (trimmed; absent when blank). */
export interface CsvRow {
  readonly line: number;
  readonly values: Partial<Record<RosterColumn, string>>;
  /** The first non-blank cell past the header's last column (1-based column number), if any: the row is refused. */
  readonly extra?: { readonly column: number; readonly value: string };
}

/**
 * Header words people use for each column (compared lowercased, with `_`, `-` and spaces alike).
 * "slack user id or e-mail" is one column whose value says which it is.
 */
const HEADERS: Readonly<Record<string, RosterColumn | 'slack user id or email'>> = {
  name: 'name', 'full name': 'name', 'display name': 'name',
  'slack user id': 'slack user id', 'slack id': 'slack user id', slack: 'slack user id', 'user id': 'slack user id', 'slack user': 'slack user id',
  email: 'email', 'email address': 'email',
  'slack user id or email': 'slack user id or email', 'slack id or email': 'slack user id or email', 'user id or email': 'slack user id or email',
  'credential number': 'credential number', 'certificate number': 'credential number', 'cert number': 'credential number', 'cmss number': 'credential number', number: 'credential number', credential: 'credential number',
  issued: 'issued', 'issued on': 'issued', 'issue date': 'issued', 'date issued': 'issued',
  expires: 'expires', 'expires on': 'expires', expiry: 'expires', 'expiry date': 'expires', expiration: 'expires', 'expiration date': 'expires',
  'fee paid through': 'fee paid through', 'fee paid thru': 'fee paid through', 'fee through': 'fee paid through', 'fee paid': 'fee paid through', fee: 'fee paid through',
  team: 'team', teams: 'team',
};

function headerKey(cell: string): string {
  return cell.toLowerCase().replace(/e-mail/g, 'email').replace(/[\s_-]+/g, ' ').trim();
}

/** A roster file's bytes as text: UTF-8 (with or without a BOM); anything else is refused, not guessed. */
export function decodeRosterFile(bytes: Uint8Array): string {
  if (bytes.length > MAX_ROSTER_FILE_CHARS * 2) throw new RecertError('roster-file-invalid', { problem: 'too-large', max: MAX_ROSTER_FILE_CHARS });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RecertError('roster-file-invalid', { problem: 'not-utf8' });
  }
}

/**
 * Read a roster file: a header row naming the columns (any order; BOM, CRLF and quoted fields with
 * commas or line breaks handled by csv-parse), then one person per row. A file that cannot be read
 * as a whole is refused with `roster-file-invalid`; values are checked row by row later.
 */
export async function readRosterCsv(text: string): Promise<CsvRow[]> {
  const { parse } = await csvLibraries();
  if (text.length > MAX_ROSTER_FILE_CHARS) throw new RecertError('roster-file-invalid', { problem: 'too-large', max: MAX_ROSTER_FILE_CHARS });
  let records: ParsedRecord[];
  try {
    // csv-parse's types do not follow `info: true`: the shape is checked here instead.
    const parsed: unknown[] = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true });
    records = parsed.filter(isParsedRecord);
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : null;
    throw new RecertError('roster-file-invalid', { problem: 'not-csv', line });
  }
  const [header, ...data] = records;
  if (!header) throw new RecertError('roster-file-invalid', { problem: 'empty' });
  const columns = header.record.map((cell) => {
    const column = HEADERS[headerKey(cell)];
    if (!column && cell.trim()) throw new RecertError('roster-file-invalid', { problem: 'unknown-column', column: cell.slice(0, 40), line: 1 });
    return column ?? null;
  });
  if (!columns.includes('name')) throw new RecertError('roster-file-invalid', { problem: 'missing-column', column: 'name' });
  if (!columns.some((c) => c === 'slack user id' || c === 'email' || c === 'slack user id or email')) throw new RecertError('roster-file-invalid', { problem: 'missing-column', column: 'slack user id or e-mail' });
  if (!data.length) throw new RecertError('roster-file-invalid', { problem: 'no-people' });
  // A row's line is where it starts: where it ends, less the line breaks inside its quoted fields.
  return data.map((entry) => {
    const extra = extraCell(columns.length, entry.record);
    return { line: entry.info.lines - entry.record.join('').split('\n').length + 1, values: valuesOf(columns, entry.record), ...(extra ? { extra } : {}) };
  });
}

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

function isParsedRecord(value: unknown): value is ParsedRecord {
  if (typeof value !== 'object' || value === null || !('record' in value) || !('info' in value)) return false;
  const { record, info } = value;
  return Array.isArray(record) && record.every((cell) => typeof cell === 'string') && typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number';
}

/** A cell past the header's columns that holds something (blank trailing cells, as spreadsheets write them, are fine). */
function extraCell(width: number, cells: readonly string[]): CsvRow['extra'] {
  const index = cells.findIndex((cell, i) => i >= width && cell.trim() !== '');
  const value = cells[index];
  return index < 0 || value === undefined ? undefined : { column: index + 1, value: value.trim() };
}

function valuesOf(columns: readonly (RosterColumn | 'slack user id or email' | null)[], cells: readonly string[]): Partial<Record<RosterColumn, string>> {
  const values: Partial<Record<RosterColumn, string>> = {};
  columns.forEach((column, i) => {
    const value = cells[i]?.trim();
    if (!column || !value) return;
    const target: RosterColumn = column === 'slack user id or email' ? (value.includes('@') ? 'email' : 'slack user id') : column;
    values[target] = value;
  });
  return values;
}

/** The roster as CSV with Recert's header (CRLF line ends, quoted where needed): what `roster import` reads back. */
export async function writeRosterCsv(rows: readonly Readonly<Record<RosterColumn, string>>[]): Promise<string> {
  const { stringify } = await csvLibraries();
  return stringify([[...ROSTER_COLUMNS], ...rows.map((row) => ROSTER_COLUMNS.map((c) => row[c]))], { record_delimiter: 'windows' });
}
