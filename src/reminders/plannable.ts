import type { DateTime } from 'luxon';
import type { Db } from '../db/connection.ts';
import { teamsOf } from '../db/repositories/teams.ts';
import { scopeOperator, scopeValue, type TenantScope } from '../db/repositories/tenant-scope.ts';
import { complianceOf } from '../domain/compliance.ts';
import { localDate } from '../domain/dates.ts';
import { ledgersOf } from '../use-cases/ledgers.ts';
import type { Candidate } from './candidates.ts';
import type { PlannablePerson } from './plan.ts';

/**
 * The candidates whose certificate is still their current one, with their state today, teams and
 * snooze, by organisation. Every organisation's candidates at once: a handful of set-based queries
 * (certificates, entries, teams, snoozes) whatever the number of organisations, so a run costs the
 * people due, not one round trip per organisation.
 */
export async function plannableByOrganisation(db: Db, candidates: readonly Candidate[], now: DateTime): Promise<Map<string, PlannablePerson[]>> {
  const out = new Map<string, PlannablePerson[]>();
  if (candidates.length === 0) return out;
  const scope = [...new Set(candidates.map((c) => c.organisationId))];
  const ids = [...new Set(candidates.map((c) => c.personId))];
  const [ledgers, teams, snoozes] = await Promise.all([ledgersOf(db, scope, ids), teamsOf(db, scope, ids), snoozesOf(db, scope, ids)]);
  for (const c of candidates) {
    const ledger = ledgers.get(c.personId);
    if (!ledger?.credential || ledger.credential.id !== c.credentialId) continue;
    const state = complianceOf(ledger.ledger, localDate(now, c.zone)).state;
    const person: PlannablePerson = { personId: c.personId, zone: c.zone, teamIds: teams.get(c.personId) ?? [], credentialId: c.credentialId, expiresOn: c.expiresOn, state, snoozedUntil: snoozes.get(c.personId) ?? null };
    const list = out.get(c.organisationId);
    if (list) list.push(person);
    else out.set(c.organisationId, [person]);
  }
  return out;
}

/** Each person's latest snooze day (`reminder_snoozes_person_idx`). */
async function snoozesOf(db: Db, scope: TenantScope, personIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('reminder_snoozes')
    .select(['person_id', (eb) => eb.fn.max('until_date').as('until')])
    .where('organisation_id', scopeOperator(scope), scopeValue(scope))
    .where('person_id', 'in', [...personIds])
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, String(r.until)]));
}
