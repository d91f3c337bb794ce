/**
 * What the scheduler sends, composed at send time. The engine (planning, the ledger, sending) calls:
 *
 * - `composeDue(deps, organisationId, planned, now)` → `Composed[]`: for each planned DM or channel
 *   digest, the `ReminderMessage` to post — or `message: null` with `skipped` (`nobody-left`,
 *   `target-off`, `dms-off`) when the state read again now says nobody needs it: a person compliant
 *   now, renewed (another expiry than planned), snoozed (DMs), off the roster; a channel turned off.
 *   One run's state is read in a fixed number of queries, whatever the number of people.
 * - `composeManagerDigest(deps, organisationId, managerPersonId, now)` → the weekly digest for one
 *   manager (their report scope, snoozes marked, the last 12 weeks), or null if they are no longer
 *   a manager or admin. The chart goes out as `OutboundImage` `{ kind: 'compliance-chart', weeks }`.
 * - `composeDeliveriesUnknown(deps, organisationId)` → the admins' weekly note, or null when none.
 * - `takeComplianceSnapshot(deps, organisationId, weekStart)` (snapshots.ts) → the week's counts.
 *
 * Every function is read-only except the snapshot; none posts anything.
 */
import { rowOf } from '../domain/report.ts';
import { addDays, localDate } from '../domain/dates.ts';
import { findOrganisationZone } from '../db/repositories/lookup.ts';
import { targetsByIds } from '../db/repositories/reminder-settings.ts';
import { snoozesFrom } from '../db/repositories/reminder-snoozes.ts';
import { listTeams } from '../db/repositories/teams.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { currentStandings } from '../use-cases/report/standings.ts';
import { dmsOn } from '../use-cases/reminders/channel-view.ts';
import type { DateTime } from 'luxon';
import { composeOne, type Composed, type PersonNow, type SendState, type TargetNow } from './compose-rules.ts';
import { subscriptionOf } from './next-sends.ts';
import type { PlannedDelivery } from './plan.ts';

export type { Composed, SkipReason } from './compose-rules.ts';
export { composeManagerDigest, composeDeliveriesUnknown } from './compose-digest.ts';
export { takeComplianceSnapshot } from './snapshots.ts';

/** The core's deps with the clock standing at `now` (the send time the engine is working for). */
export function at(deps: CoreDeps, now: DateTime): CoreDeps {
  return { ...deps, clock: { now: () => now } };
}

export async function composeDue(deps: CoreDeps, organisationId: string, planned: readonly PlannedDelivery[], now: DateTime): Promise<Composed[]> {
  if (planned.length === 0) return [];
  const state = await loadSendState(at(deps, now), organisationId, planned);
  return planned.map((delivery) => composeOne(state, delivery));
}

/** Everyone's standing (one pass, as the report), their snoozes, the channels: a few queries per run. */
async function loadSendState(deps: CoreDeps, organisationId: string, planned: readonly PlannedDelivery[]): Promise<SendState> {
  const now = deps.clock.now();
  const targetIds = [...new Set(planned.flatMap((p) => ('targetId' in p.target ? [p.target.targetId] : [])))];
  const [standings, snoozes, stored, teams, orgZone, dms] = await Promise.all([
    currentStandings(deps, organisationId),
    // A day before UTC's today is early enough for every zone's today.
    snoozesFrom(deps.db, organisationId, addDays(localDate(now, 'UTC'), -1)),
    targetsByIds(deps.db, organisationId, targetIds),
    listTeams(deps.db, organisationId),
    findOrganisationZone(deps.db, organisationId),
    dmsOn(deps.db, organisationId),
  ]);
  const people = new Map<string, PersonNow>();
  for (const s of standings) {
    const row = rowOf({ personId: s.person.personId, platformUserId: s.person.platformUserId, displayName: s.person.displayName, teams: s.teams.map((t) => t.name) }, s.summary, s.today);
    people.set(s.person.personId, { row, today: s.today, snoozedUntil: snoozes.get(s.person.personId) ?? null });
  }
  const targets = new Map<string, TargetNow>();
  for (const t of stored) {
    const subscription = subscriptionOf(t.subscription);
    targets.set(t.id, { name: t.name, active: t.active, subscription, team: teams.find((x) => x.id === subscription.teamId)?.name ?? null, today: localDate(now, subscription.zone ?? orgZone) });
  }
  return { people, targets, dms };
}
