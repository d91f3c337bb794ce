import type { DateTime } from 'luxon';
import { localDate, type IsoDate } from '../../domain/dates.ts';
import { storedSummary, summarise, type StandingSummary } from '../../domain/standing-summary.ts';
import { findOrganisationZone } from '../../db/repositories/lookup.ts';
import { readStandings, saveStandings, type StoredStanding } from '../../db/repositories/standings.ts';
import { membershipsOf, type Team } from '../../db/repositories/teams.ts';
import type { CoreDeps } from '../deps.ts';
import { ledgersOf } from '../ledgers.ts';

/** An active person of the organisation, their teams, their standing summary and their "today". */
export interface PersonStanding {
  readonly person: StoredStanding;
  readonly teams: readonly Team[];
  readonly summary: StandingSummary;
  readonly today: IsoDate;
}

/**
 * Every active person's standing: the stored summaries that are still current (their ledger
 * version has not moved), and the stale ones computed again from their ledgers — by the same rules
 * as one person's status — and stored for next time.
 */
export async function currentStandings(deps: CoreDeps, organisationId: string): Promise<PersonStanding[]> {
  const [stored, teams, orgZone] = await Promise.all([readStandings(deps.db, organisationId), membershipsOf(deps.db, organisationId), findOrganisationZone(deps.db, organisationId)]);
  const fresh = new Map<string, StandingSummary>();
  const stale: StoredStanding[] = [];
  for (const row of stored) {
    const summary = row.storedVersion === row.ledgerVersion ? storedSummary(row.summary) : null;
    if (summary) fresh.set(row.personId, summary);
    else stale.push(row);
  }
  for (const [personId, summary] of await recomputeStandings(deps, organisationId, stale)) fresh.set(personId, summary);
  const todayIn = todayByZone(deps.clock.now());
  return stored.flatMap((person) => {
    const summary = fresh.get(person.personId);
    return summary ? [{ person, teams: teams.get(person.personId) ?? [], summary, today: todayIn(person.timeZone ?? orgZone) }] : [];
  });
}

/**
 * Stale standings computed again from their ledgers (by the same rules as one person's status) and
 * stored — summary and report columns — each at the ledger version read before its ledger was.
 */
export async function recomputeStandings(deps: CoreDeps, organisationId: string, stale: readonly { personId: string; ledgerVersion: string }[]): Promise<Map<string, StandingSummary>> {
  if (!stale.length) return new Map();
  const ledgers = await ledgersOf(deps.db, organisationId, stale.map((s) => s.personId));
  const computed = stale.flatMap((row) => {
    const ledger = ledgers.get(row.personId);
    return ledger ? [{ personId: row.personId, version: row.ledgerVersion, summary: summarise(ledger.ledger) }] : [];
  });
  await saveStandings(deps.db, organisationId, computed, deps.clock.now().toJSDate());
  return new Map(computed.map((c) => [c.personId, c.summary]));
}

/** "Today" in a zone, worked out once per zone: an organisation has a few zones and thousands of people (luxon's zone offset costs ~10 µs). */
export function todayByZone(now: DateTime): (zone: string) => IsoDate {
  const days = new Map<string, IsoDate>();
  return (zone) => {
    const known = days.get(zone);
    if (known !== undefined) return known;
    const day = localDate(now, zone);
    days.set(zone, day);
    return day;
  };
}
