import type { DateTime } from 'luxon';
import type { CoreDeps } from '../use-cases/deps.ts';
import { composeClaimed } from './compose-claimed.ts';
import { composeDeliveriesUnknown, composeManagerDigest } from './compose-digest.ts';
import type { ClaimedDelivery } from './ledger.ts';
import { UNKNOWN_NOTE_DAYS } from './scheduled-plans.ts';
import type { ComposeFn, ComposedClaim } from './send.ts';

/**
 * Every ledger row's words at send time: reminders (DMs, channel digests) through `composeClaimed`,
 * a manager's weekly digest through `composeManagerDigest` (skipped `not-a-manager` once the role is
 * gone), the admins' note through `composeDeliveriesUnknown` (skipped `nothing-unknown`).
 */
export const composeScheduled: ComposeFn = async (deps: CoreDeps, organisationId: string, deliveries: readonly ClaimedDelivery[], now: DateTime) => {
  const reminders = deliveries.filter((d) => d.kind === 'dm' || d.kind === 'channel-digest');
  const others = deliveries.filter((d) => d.kind !== 'dm' && d.kind !== 'channel-digest');
  const composed: ComposedClaim[] = reminders.length ? [...(await composeClaimed(deps, organisationId, reminders, now))] : [];
  for (const delivery of others) composed.push(await composeOther(deps, organisationId, delivery, now));
  return composed;
};

async function composeOther(deps: CoreDeps, organisationId: string, delivery: ClaimedDelivery, now: DateTime): Promise<ComposedClaim> {
  if (delivery.kind === 'manager-digest' && delivery.personId) {
    const message = await composeManagerDigest(deps, organisationId, delivery.personId, now);
    return message ? { delivery, message } : { delivery, message: null, skipped: 'not-a-manager' };
  }
  if (delivery.kind === 'deliveries-unknown') {
    const message = await composeDeliveriesUnknown(deps, organisationId, now.minus({ days: UNKNOWN_NOTE_DAYS }));
    return message ? { delivery, message } : { delivery, message: null, skipped: 'nothing-unknown' };
  }
  return { delivery, message: null, skipped: `unknown kind ${delivery.kind}` };
}
