import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { expiryDays, findCandidates, readPlanningSettings, type OrganisationPlanning } from './candidates.ts';
import { planReminders, type PlannedDelivery } from './plan.ts';
import { plannableByOrganisation } from './plannable.ts';
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
 * index), their state from their ledgers (every organisation's in the same few queries), and the
 * pure planner per organisation.
 */
export async function planRun(deps: CoreDeps, now: DateTime, only?: { readonly organisationId: string }): Promise<PlanRun> {
  const all = await readPlanningSettings(deps.db, (d) => DateTime.fromJSDate(d, { zone: 'utc' }));
  const orgs = only ? all.filter((o) => o.organisationId === only.organisationId) : all;
  if (orgs.length === 0) return { now, organisationIds: [], deliveries: [] };
  const earliest = orgs.map((o) => sinceOf(o, now)).reduce((a, b) => (b < a ? b : a));
  const days = expiryDays(policiesOf(orgs), earliest.minus({ days: 1 }).toISODate() ?? '', now.plus({ days: 1 }).toISODate() ?? '');
  const wanted = new Set(orgs.map((o) => o.organisationId));
  const candidates = (await findCandidates(deps.db, days)).filter((c) => wanted.has(c.organisationId));
  const byOrg = await plannableByOrganisation(deps.db, candidates, now);
  const deliveries: OrganisationDelivery[] = [];
  for (const org of orgs) {
    const people = byOrg.get(org.organisationId) ?? [];
    if (people.length === 0 && org.channels.length === 0) continue;
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
