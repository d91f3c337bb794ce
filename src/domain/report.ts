import type { ComplianceReason, ComplianceState } from './compliance-types.ts';
import { standingOn } from './compliance.ts';
import { daysBetween, type IsoDate } from './dates.ts';
import { lineOn, type ReasonCode, type StandingLine } from './standing-line.ts';
import type { StandingSummary } from './standing-summary.ts';

/** What a manager may narrow a report to. None given: everyone with a gap. */
export interface ReportFilters {
  /** Certificates expiring (or expired) within this many days. */
  readonly expiringWithinDays?: number;
  /** Certificates expiring (or expired) by this day ("who expires this month": the month's last day). */
  readonly expiringBy?: IsoDate;
  readonly missingProof?: boolean;
  readonly unpaid?: boolean;
  /** Only members of this team (by name). */
  readonly team?: string;
  /** Everyone in scope, compliant people too (an export; the other filters still narrow it). */
  readonly everyone?: boolean;
}

/** One person's line in a report, on the day their own zone says it is. */
export interface ReportRow {
  readonly personId: string;
  readonly platformUserId: string;
  readonly displayName: string;
  readonly teams: readonly string[];
  readonly state: ComplianceState;
  readonly reasons: readonly ComplianceReason[];
  readonly certificate: { readonly number: string; readonly expiresOn: IsoDate; readonly daysLeft: number } | null;
  readonly earned: number;
  readonly required: number;
  /** Whether the current certificate's fee is recorded; null when there is no certificate or its credential has no fee. */
  readonly feePaid?: boolean | null;
  /** The last local day they asked not to be nudged (a reminder's Snooze), when that is today or later. */
  readonly snoozedUntil?: IsoDate | null;
}

/** A report's line before its full reasons are read: the reasons' codes only (a `ReportRow` is one too). */
export type ReportLine = Omit<ReportRow, 'reasons'> & { readonly reasons: readonly { readonly code: ReasonCode }[] };

export interface ReportCounts {
  readonly compliant: number;
  readonly atRisk: number;
  readonly outOfCompliance: number;
  readonly total: number;
}

export function rowOf(person: Pick<ReportRow, 'personId' | 'platformUserId' | 'displayName' | 'teams'>, summary: StandingSummary, today: IsoDate): ReportRow {
  const { state, reasons } = standingOn(summary, today);
  const certificate = summary.certificate && { number: summary.certificate.number, expiresOn: summary.certificate.expiresOn, daysLeft: daysBetween(today, summary.certificate.expiresOn) };
  const feePaid = summary.certificate && summary.fee.required ? summary.fee.paid : null;
  return { ...person, state, reasons, certificate, earned: summary.earned, required: summary.required, feePaid };
}

/** A person's report line from their stored columns, on the day their own zone says it is (the same day rule as `rowOf`). */
export function lineRow(person: Pick<ReportRow, 'personId' | 'platformUserId' | 'displayName' | 'teams'>, line: StandingLine, today: IsoDate): ReportLine {
  const { state, codes } = lineOn(line, today);
  const certificate = line.certificate && { number: line.certificate.number, expiresOn: line.certificate.expiresOn, daysLeft: daysBetween(today, line.certificate.expiresOn) };
  return { ...person, state, reasons: codes.map((code) => ({ code })), certificate, earned: line.earned, required: line.required, feePaid: line.feePaid };
}

export function countStates(rows: readonly Pick<ReportLine, 'state'>[]): ReportCounts {
  const count = (state: ComplianceState) => rows.filter((r) => r.state === state).length;
  return { compliant: count('compliant'), atRisk: count('at_risk'), outOfCompliance: count('out_of_compliance'), total: rows.length };
}

/** The rows a report lists: with filters, those matching every filter; without, everyone not compliant (or everyone, when asked). */
export function selectRows<T extends ReportLine>(rows: readonly T[], filters: ReportFilters): T[] {
  const { expiringWithinDays, expiringBy, missingProof, unpaid } = filters;
  const filtered = expiringWithinDays !== undefined || expiringBy !== undefined || missingProof || unpaid;
  if (!filtered) return filters.everyone ? [...rows] : rows.filter((r) => r.state !== 'compliant');
  return rows.filter(
    (r) =>
      (expiringWithinDays === undefined || (r.certificate !== null && r.certificate.daysLeft <= expiringWithinDays)) &&
      (expiringBy === undefined || (r.certificate !== null && r.certificate.expiresOn <= expiringBy)) &&
      (!missingProof || r.reasons.some((x) => x.code === 'proof-missing')) &&
      (!unpaid || r.reasons.some((x) => x.code === 'fee-unpaid')),
  );
}

/**
 * Most urgent first: expired certificates (expired longest ago first), then people without a
 * certificate, then certificates not yet valid, then the rest by soonest expiry; ties by name.
 */
export function byUrgency(a: ReportLine, b: ReportLine): number {
  const [ga, da] = urgency(a);
  const [gb, db] = urgency(b);
  return ga - gb || da - db || names.compare(a.displayName, b.displayName) || names.compare(a.personId, b.personId);
}

/**
 * `rows.sort(byUrgency)`, with each row's urgency worked out once instead of at every comparison
 * (10,000 people: ~130,000 comparisons, ~180 ms the other way on this machine).
 */
export function sortByUrgency<T extends ReportLine>(rows: readonly T[]): T[] {
  const keyed = rows.map((row) => ({ row, key: urgency(row) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || names.compare(a.row.displayName, b.row.displayName) || names.compare(a.row.personId, b.row.personId));
  return keyed.map((k) => k.row);
}

/** localeCompare's order, from one collator (localeCompare builds one per call: 10,000 people sorted took ~100 ms). */
const names = new Intl.Collator();

/** The ties' order within an urgency key: by name, then id (the report's SQL leaves this to the process's collator). */
export function byName(a: Pick<ReportLine, 'displayName' | 'personId'>, b: Pick<ReportLine, 'displayName' | 'personId'>): number {
  return names.compare(a.displayName, b.displayName) || names.compare(a.personId, b.personId);
}

/** [group, days]: groups in the order above, days left within a group. */
function urgency(row: ReportLine): [number, number] {
  if (!row.certificate) return [1, 0];
  if (row.certificate.daysLeft <= 0) return [0, row.certificate.daysLeft];
  if (row.reasons.some((r) => r.code === 'certificate-not-yet-valid')) return [2, row.certificate.daysLeft];
  return [3, row.certificate.daysLeft];
}
