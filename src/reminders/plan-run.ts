import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '../db/connection.ts';
import { teamsOf } from '../db/repositories/teams.ts';
import { complianceOf } from '../domain/compliance.ts';
import { localDate } from '../domain/dates.ts';
import { inTransaction } from '../db/transaction.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { ledgersOf } from '../use-cases/ledgers.ts';
import { expiryDays, findCandidates, readPlanningSettings, type Candidate, type OrganisationPlanning } from './candidates.ts';
import { planReminders, type PlannablePerson, type PlannedDelivery } from './plan.ts';
import { DEFAULT_POLICY, type ReminderPolicy } from './policy.ts';

/** A never-planned organisation looks back this far (hours) on its first run: today's steps are not lost. */
export const FIRST_LOOK_BACK_HOURS = 24;
/** After a longer outage than this (days), older steps are not sent at all: never a stale burst. */
export const MAX_CATCH_UP_DAYS = 7;

/** A planned delivery and where it belongs. */
export interface OrganisationDelivery {
  readonly organisationId: string;
  readonly platform: string;
  readonly delivery: PlannedDelivery;
}

export interface PlanRun {
  readonly now: DateTime;
  readonly organisationIds: readonly string[];
  readonly deliveries: readonly OrganisationDelivery[];
}

/** Where an organisation's planning starts: its watermark, bounded by the first look-back and the catch-up limit. */
export function sinceOf(org: Pick<OrganisationPlanning, 'plannedThrough'>, now: DateTime): DateTime {
  const floor = now.minus({ days: MAX_CATCH_UP_DAYS });
  const since = org.plannedThrough ?? now.minus({ hours: FIRST_LOOK_BACK_HOURS });
  return since < floor ? floor : since;
}

/**
 * What is due at `now` across every organisation, not yet recorded: candidates by expiry day (an
 * index), their state from their ledgers, and the pure planner per organisation.
 */
export async function planRun(deps: CoreDeps, now: DateTime, only?: { readonly organisationId: string }): Promise<PlanRun> {
  const all = await readPlanningSettings(deps.db, (d) => DateTime.fromJSDate(d, { zone: 'utc' }));
  const orgs = only ? all.filter((o) => o.organisationId === only.organisationId) : all;
  if (orgs.length === 0) return { now, organisationIds: [], deliveries: [] };
  const earliest = orgs.map((o) => sinceOf(o, now)).reduce((a, b) => (b < a ? b : a));
  const days = expiryDays(policiesOf(orgs), earliest.minus({ days: 1 }).toISODate() ?? '', now.plus({ days: 1 }).toISODate() ?? '');
  const byOrg = groupBy(await findCandidates(deps.db, days), (c) => c.organisationId);
  const deliveries: OrganisationDelivery[] = [];
  for (const org of orgs) {
    const candidates = byOrg.get(org.organisationId);
    if (!candidates && org.channels.length === 0) continue;
    const people = await plannable(deps.db, org.organisationId, candidates ?? [], now);
    const planned = planReminders({ since: sinceOf(org, now), now, people, dmPolicy: org.dmPolicy, channels: org.channels });
    for (const delivery of planned) deliveries.push({ organisationId: org.organisationId, platform: org.platform, delivery });
  }
  return { now, organisationIds: orgs.map((o) => o.organisationId), deliveries };
}

function policiesOf(orgs: readonly OrganisationPlanning[]): ReminderPolicy[] {
  const seen = new Map<string, ReminderPolicy>();
  for (const org of orgs) for (const p of [org.dmPolicy, ...org.channels.map((c) => c.subscription)]) if (p) seen.set(JSON.stringify([p.daysBefore, p.weeklyAfterExpiry, p.weekdaysOnly]), p);
  return [...seen.values()];
}

/** The candidates whose certificate is still their current one, with their state today, teams and snooze. */
async function plannable(db: Db, organisationId: string, candidates: readonly Candidate[], now: DateTime): Promise<PlannablePerson[]> {
  if (candidates.length === 0) return [];
  const ids = [...new Set(candidates.map((c) => c.personId))];
  const [ledgers, teams, snoozes] = await Promise.all([ledgersOf(db, organisationId, ids), teamsOf(db, organisationId, ids), snoozesOf(db, organisationId, ids)]);
  return candidates.flatMap((c) => {
    const ledger = ledgers.get(c.personId);
    if (!ledger?.credential || ledger.credential.id !== c.credentialId) return [];
    const state = complianceOf(ledger.ledger, localDate(now, c.zone)).state;
    return [{ personId: c.personId, zone: c.zone, teamIds: teams.get(c.personId) ?? [], credentialId: c.credentialId, expiresOn: c.expiresOn, state, snoozedUntil: snoozes.get(c.personId) ?? null }];
  });
}

async function snoozesOf(db: Db, organisationId: string, personIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('reminder_snoozes')
    .select(['person_id', (eb) => eb.fn.max('until_date').as('until')])
    .where('organisation_id', '=', organisationId)
    .where('person_id', 'in', [...personIds])
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, String(r.until)]));
}

/** Rows per insert: well inside PostgreSQL's 65,535 parameters (11 per row). */
const INSERT_CHUNK = 1_000;

/**
 * Record a run: its deliveries (a key planned before inserts nothing) and every organisation's
 * watermark moved to the run's `now` (never back), in one transaction. Returns how many were new.
 */
export async function recordPlan(db: Db, run: PlanRun): Promise<number> {
  const plannedAt = run.now.toJSDate();
  return inTransaction(db, async (trx) => {
    let inserted = 0;
    for (let i = 0; i < run.deliveries.length; i += INSERT_CHUNK) {
      const rows = run.deliveries.slice(i, i + INSERT_CHUNK).map(({ organisationId, platform, delivery }) => ({
        organisation_id: organisationId,
        key: delivery.key,
        kind: delivery.kind,
        platform,
        target_id: 'targetId' in delivery.target ? delivery.target.targetId : null,
        person_id: 'personId' in delivery.target ? delivery.target.personId : null,
        plan: JSON.stringify({ people: delivery.people }),
        due_at: delivery.dueAt.toJSDate(),
        status: 'pending' as const,
        available_at: delivery.dueAt.toJSDate(),
        planned_at: plannedAt,
      }));
      const result = await trx.insertInto('reminder_deliveries').values(rows).onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing()).executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    // Across organisations, so raw SQL. A new row keeps the default DM policy (no row meant the default).
    await sql`
      insert into reminder_settings (organisation_id, dm_policy, planned_through, updated_at)
      select id, ${JSON.stringify(DEFAULT_POLICY)}::jsonb, ${plannedAt}, ${plannedAt} from organisations where id = any(${[...run.organisationIds]}::uuid[])
      on conflict (organisation_id) do update set planned_through = greatest(reminder_settings.planned_through, excluded.planned_through)`.execute(trx);
    return inserted;
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
