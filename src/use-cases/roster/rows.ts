import { isIsoDate, type IsoDate } from '../../domain/dates.ts';
import { oldestAcceptedDate } from '../../domain/limits.ts';
import type { RejectedValue, RosterColumn, RosterRowProblem } from '../../domain/roster.ts';
import { findControlCharacter } from '../../domain/text.ts';
import type { CsvRow } from './csv.ts';
import { teamName } from '../../domain/team-name.ts';

/** A row whose values all read: who, and what to set (absent: left as it is). */
export interface RosterRow {
  readonly line: number;
  readonly name: string;
  readonly slackUserId: string | null;
  readonly email: string | null;
  readonly certificate: { readonly number: string; readonly issuedOn: IsoDate; readonly expiresOn: IsoDate | null } | null;
  readonly feePaidThrough: IsoDate | null;
  readonly teams: readonly string[] | null;
}

export const SLACK_ID = /^[UW][A-Z0-9]{2,20}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/;
const NUMBER = /^[A-Za-z0-9][A-Za-z0-9\-/.]{1,39}$/;
const MAX_NAME = 80;

/** `2026-02-01`, or the US `2/1/2026` spreadsheets write. */
export function readCsvDate(text: string): IsoDate | null {
  if (isIsoDate(text)) return text;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!us) return null;
  const iso = `${us[3]}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Check one row's values on their own (the people and certificates on file are checked when applied). */
export function checkRow(row: CsvRow, today: IsoDate): { row: RosterRow } | { rejected: RejectedValue[] } {
  if (row.extra) return { rejected: [{ line: row.line, column: `column ${row.extra.column}`, value: row.extra.value.slice(0, 80), problem: 'extra-cell' }] };
  const rejected: RejectedValue[] = [];
  const refuse = (column: RosterColumn, problem: RosterRowProblem) => rejected.push({ line: row.line, column, value: (row.values[column] ?? '').slice(0, 80), problem });
  for (const [column, value] of Object.entries(row.values) as [RosterColumn, string][]) {
    if (findControlCharacter(value, column === 'team' || column === 'name' ? 'title' : 'certificate-number')) refuse(column, 'control-character');
  }
  if (rejected.length) return { rejected };
  const v = row.values;
  if (!v.name) refuse('name', 'required');
  else if (v.name.length > MAX_NAME) refuse('name', 'too-long');
  // Someone already on the roster is found by name alone; a newcomer needs a Slack id or e-mail (checked when applied).
  if (!v.name && !v['slack user id'] && !v.email) refuse('slack user id', 'required');
  if (v['slack user id'] && !SLACK_ID.test(v['slack user id'])) refuse('slack user id', 'slack-id-invalid');
  if (v.email && !EMAIL.test(v.email)) refuse('email', 'email-invalid');
  const issued = dateIn(v.issued, 'issued', today, false, refuse);
  const expires = dateIn(v.expires, 'expires', today, true, refuse);
  const fee = dateIn(v['fee paid through'], 'fee paid through', today, true, refuse);
  if (v['credential number'] && !NUMBER.test(v['credential number'])) refuse('credential number', 'number-invalid');
  if ((v['credential number'] || v.expires) && !v.issued) refuse('issued', 'required');
  if (v.issued && !v['credential number']) refuse('credential number', 'required');
  if (issued && expires && expires <= issued) refuse('expires', 'dates-order');
  const teams = v.team ? v.team.split(';').map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean) : null;
  if (teams?.some((t) => teamName(t) === null)) refuse('team', 'team-invalid');
  if (rejected.length) return { rejected };
  const certificate = v['credential number'] && issued ? { number: v['credential number'], issuedOn: issued, expiresOn: expires } : null;
  return { row: { line: row.line, name: (v.name ?? '').replace(/\s+/g, ' '), slackUserId: v['slack user id'] ?? null, email: v.email?.toLowerCase() ?? null, certificate, feePaidThrough: fee, teams } };
}

/** A date column: a real day, not more than 10 years back, and (for `issued`) not after today. */
function dateIn(text: string | undefined, column: RosterColumn, today: IsoDate, mayBeFuture: boolean, refuse: (c: RosterColumn, p: RosterRowProblem) => void): IsoDate | null {
  if (!text) return null;
  const date = readCsvDate(text);
  if (!date) return (refuse(column, 'date-invalid'), null);
  if (!mayBeFuture && date > today) return (refuse(column, 'future-date'), null);
  if (date < oldestAcceptedDate(today)) return (refuse(column, 'too-old'), null);
  return date;
}
