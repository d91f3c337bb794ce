import type { DateTime } from 'luxon';
import type { CoreDeps } from '../use-cases/deps.ts';
import { composeDue } from './compose.ts';
import type { ClaimedDelivery } from './ledger.ts';
import type { PlannedDelivery } from './plan.ts';
import type { ComposeFn, ComposedClaim } from './send.ts';

/**
 * The engine's composer: claimed ledger rows go through the real `composeDue` (the state read again
 * at send time, a fixed number of queries per organisation); a skipped one carries its reason.
 */
export const composeClaimed: ComposeFn = async (deps: CoreDeps, organisationId: string, deliveries: readonly ClaimedDelivery[], now: DateTime) => {
  const byKey = new Map(deliveries.map((d) => [d.key, d]));
  const composed = await composeDue(deps, organisationId, deliveries.map(plannedOf), now);
  return composed.flatMap((c): ComposedClaim[] => {
    const delivery = byKey.get(c.delivery.key);
    if (!delivery) return [];
    return c.message ? [{ delivery, message: c.message }] : [{ delivery, message: null, skipped: c.skipped }];
  });
};

/** A ledger row back as the planner made it: kind, target, due time and planned people. */
function plannedOf(d: ClaimedDelivery): PlannedDelivery {
  const target = d.kind === 'dm' ? { personId: d.personId ?? '' } : { targetId: d.targetId ?? '' };
  return { key: d.key, kind: d.kind === 'dm' ? 'dm' : 'channel-digest', target, dueAt: d.dueAt, people: d.plan.people };
}
