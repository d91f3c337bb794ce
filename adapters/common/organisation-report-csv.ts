import { stringify } from 'csv-stringify/sync';
import type { ReportRow } from '../../src/index.ts';
import { shortReason } from './compliance-phrases.ts';

/** The organisation report's columns, in order (CSV header; the JSON rows' keys are the same, camel-cased). */
export const ORGANISATION_REPORT_COLUMNS = ['name', 'platform id', 'state', 'earned', 'required', 'credential number', 'expires', 'fee paid', 'reasons'] as const;

/** One person as the report file says it: words for the reasons, codes for the state, empty cells where nothing applies. */
export interface OrganisationReportLine {
  readonly name: string;
  readonly platformId: string;
  readonly state: ReportRow['state'];
  readonly earned: number;
  readonly required: number;
  readonly credentialNumber: string | null;
  readonly expires: string | null;
  /** "yes", "no", or null (no certificate, or a credential without a fee). */
  readonly feePaid: 'yes' | 'no' | null;
  readonly reasons: readonly string[];
}

export function organisationReportLines(rows: readonly ReportRow[]): OrganisationReportLine[] {
  return rows.map((r) => ({
    name: r.displayName,
    platformId: r.platformUserId,
    state: r.state,
    earned: r.earned,
    required: r.required,
    credentialNumber: r.certificate?.number ?? null,
    expires: r.certificate?.expiresOn ?? null,
    feePaid: r.feePaid === true ? 'yes' : r.feePaid === false ? 'no' : null,
    reasons: r.reasons.map(shortReason),
  }));
}

/**
 * The organisation report as CSV (RFC 4180: CRLF line ends, quotes where needed, a header row;
 * UTF-8 without BOM). People's text (names, numbers) that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR at the start) gets a leading apostrophe.
 */
export function organisationReportCsv(rows: readonly ReportRow[]): string {
  const records = organisationReportLines(rows).map((l) => [
    cell(l.name),
    cell(l.platformId),
    l.state,
    String(l.earned),
    String(l.required),
    cell(l.credentialNumber ?? ''),
    l.expires ?? '',
    l.feePaid ?? '',
    cell(l.reasons.join('; ')),
  ]);
  return stringify(records, { header: true, columns: [...ORGANISATION_REPORT_COLUMNS], record_delimiter: 'windows' });
}

/** The same rows as JSON: one object per person, most urgent first. */
export function organisationReportJson(rows: readonly ReportRow[]): string {
  return `${JSON.stringify(organisationReportLines(rows), null, 2)}\n`;
}

function cell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
