import { sql } from 'kysely';
import { dayNumber } from '../../domain/dates.ts';
import { lineOf } from '../../domain/standing-line.ts';
import { statesOf } from '../../domain/standing-states.ts';
import type { StandingSummary } from '../../domain/standing-summary.ts';
import type { Db } from '../connection.ts';

/** One active person of the organisation with their stored standing (null when never computed). */
export interface StoredStanding {
  readonly personId: string;
  readonly platformUserId: string;
  readonly displayName: string;
  readonly timeZone: string | null;
  readonly email: string | null;
  /** The person's current ledger version; the stored summary is fresh when its version matches. */
  readonly ledgerVersion: string;
  readonly storedVersion: string | null;
  readonly summary: unknown;
}

/** Every active person with their stored standing: one query, one small row per person. */
export async function readStandings(db: Db, organisationId: string): Promise<StoredStanding[]> {
  const rows = await db
    .selectFrom('people')
    .leftJoin('standings', (join) => join.onRef('standings.person_id', '=', 'people.id').on('standings.organisation_id', '=', organisationId))
    .select(['people.id', 'people.platform_user_id', 'people.display_name', 'people.time_zone', 'people.email', 'people.ledger_version', 'standings.version', 'standings.summary'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.active', '=', true)
    .execute();
  return rows.map((r) => ({
    personId: r.id,
    platformUserId: r.platform_user_id,
    displayName: r.display_name,
    timeZone: r.time_zone,
    email: r.email,
    ledgerVersion: String(r.ledger_version),
    storedVersion: r.version === null ? null : String(r.version),
    summary: r.summary,
  }));
}

/**
 * Store freshly computed standings, each at the ledger version read before its ledger was: a row
 * computed from newer data than its version says is only recomputed once more, never trusted stale.
 */
export async function saveStandings(db: Db, organisationId: string, rows: readonly { personId: string; version: string; summary: StandingSummary }[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) {
    const chunk = rows.slice(i, i + 1_000);
    await db
      .insertInto('standings')
      .values(chunk.map((r) => ({ organisation_id: organisationId, person_id: r.personId, version: r.version, summary: JSON.stringify(r.summary), computed_at: now, ...columnsOf(r.summary) })))
      .onConflict((oc) =>
        oc
          .column('person_id')
          .doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            summary: eb.ref('excluded.summary'),
            computed_at: eb.ref('excluded.computed_at'),
            ...Object.fromEntries(REPORT_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
          }))
          .where(sql<boolean>`standings.version <= excluded.version`),
      )
      .execute();
  }
}

/** The report's columns, written with the summary at the same version (see `readStandingLines`). */
const REPORT_COLUMNS = ['format', 'cert_number', 'issued_on', 'expires_on', 'issued_day', 'expires_day', 'expiring_soon_days', 'earned', 'required', 'fee_paid', 'ledger_codes', 'state_before', 'state_during', 'state_after'] as const;

function columnsOf(summary: StandingSummary) {
  const line = lineOf(summary);
  const states = statesOf(line);
  return {
    format: summary.format,
    cert_number: line.certificate?.number ?? null,
    issued_on: line.certificate?.issuedOn ?? null,
    expires_on: line.certificate?.expiresOn ?? null,
    issued_day: line.certificate ? dayNumber(line.certificate.issuedOn) : null,
    expires_day: line.certificate ? dayNumber(line.certificate.expiresOn) : null,
    expiring_soon_days: line.expiringSoonDays,
    earned: line.earned,
    required: line.required,
    fee_paid: line.feePaid,
    ledger_codes: line.ledgerCodes.join(','),
    state_before: states.before,
    state_during: states.during,
    state_after: states.after,
  };
}
