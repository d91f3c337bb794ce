import type { ReasonCode, StandingLine } from '../../domain/standing-line.ts';
import { SUMMARY_FORMAT } from '../../domain/standing-summary.ts';
import type { Db } from '../connection.ts';

/** One active person of the organisation with their stored report columns (null: never stored, stale, or of an older format). */
export interface StoredLine {
  readonly personId: string;
  readonly platformUserId: string;
  readonly displayName: string;
  readonly timeZone: string | null;
  /** The person's current ledger version (a stale line is recomputed at it). */
  readonly ledgerVersion: string;
  readonly line: StandingLine | null;
}

/**
 * Every active person with their standing's report columns — never the summary's JSON: one query,
 * a few dozen bytes a person. A line is given only when it is current (its version is the ledger's).
 */
export async function readStandingLines(db: Db, organisationId: string): Promise<StoredLine[]> {
  const rows = await db
    .selectFrom('people')
    .leftJoin('standings', (join) => join.onRef('standings.person_id', '=', 'people.id').on('standings.organisation_id', '=', organisationId))
    .select(['people.id', 'people.platform_user_id', 'people.display_name', 'people.time_zone', 'people.ledger_version', 'standings.version', 'standings.format'])
    .select(['standings.cert_number', 'standings.issued_on', 'standings.expires_on', 'standings.expiring_soon_days', 'standings.earned', 'standings.required', 'standings.fee_paid', 'standings.ledger_codes', 'standings.state_during'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.active', '=', true)
    .execute();
  return rows.map((r) => {
    const current = r.format === SUMMARY_FORMAT && r.version !== null && String(r.version) === String(r.ledger_version) && r.earned !== null && r.required !== null && r.expiring_soon_days !== null && r.ledger_codes !== null && r.state_during !== null;
    const certificate = r.cert_number !== null && r.issued_on !== null && r.expires_on !== null ? { number: r.cert_number, issuedOn: r.issued_on, expiresOn: r.expires_on } : null;
    const line: StandingLine | null = current
      ? { certificate, expiringSoonDays: r.expiring_soon_days ?? 0, earned: r.earned ?? 0, required: r.required ?? 0, feePaid: r.fee_paid, ledgerCodes: r.ledger_codes ? (r.ledger_codes.split(',') as ReasonCode[]) : [] }
      : null;
    return { personId: r.id, platformUserId: r.platform_user_id, displayName: r.display_name, timeZone: r.time_zone, ledgerVersion: String(r.ledger_version), line };
  });
}

/** The stored summaries (full reasons) of a few people — a report's page — with the version each was computed at. */
export async function readSummaries(db: Db, organisationId: string, personIds: readonly string[]): Promise<Map<string, { version: string; summary: unknown }>> {
  if (!personIds.length) return new Map();
  const rows = await db.selectFrom('standings').select(['person_id', 'version', 'summary']).where('organisation_id', '=', organisationId).where('person_id', 'in', personIds).execute();
  return new Map(rows.map((r) => [r.person_id, { version: String(r.version), summary: r.summary }]));
}
