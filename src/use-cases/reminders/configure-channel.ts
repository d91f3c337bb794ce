import type { Db } from '../../db/connection.ts';
import type { Access } from '../../domain/permissions.ts';
import type { Actor } from '../../domain/people.ts';
import { deactivateTarget, findTarget, upsertTarget, type StoredTarget } from '../../db/repositories/reminder-settings.ts';
import { findTeamByName, managedTeams } from '../../db/repositories/teams.ts';
import { inTransaction } from '../../db/transaction.ts';
import { RecertError } from '../../errors.ts';
import { isUnreadable, type ChannelChange, type Unreadable } from '../../reminders/change.ts';
import { subscriptionOf } from '../../reminders/next-sends.ts';
import { channelSubscriptionSchema, type ChannelSubscription } from '../../reminders/policy.ts';
import type { Reply } from '../../replies.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf, recordChange } from '../shared.ts';
import { channelReply, type ReminderChannel } from './channel-view.ts';

/**
 * `remind here …` / `remind team "Night shift"`: a manager or admin subscribes the channel the words
 * were typed in (or changes its subscription; what is not said stays as it was). A manager limited
 * to teams may only subscribe a channel limited to one of their teams: a channel is read by others,
 * and it would otherwise list people they do not answer for. Every change is audited.
 */
export async function configureChannel(deps: CoreDeps, actor: Actor, channel: ReminderChannel | null, change: ChannelChange | Unreadable): Promise<Reply> {
  const access = await authorize(deps, actor, 'configure-reminders');
  if (isUnreadable(change)) throw new RecertError(change.code, change.details);
  if (!channel) throw new RecertError('remind-no-channel');
  const { target, existed } = await inTransaction(deps.db, async (trx) => {
    const existing = await findTarget(trx, actor.organisationId, channel.platform, channel.address);
    const before = existing ? subscriptionOf(existing.subscription) : null;
    const next = channelSubscriptionSchema.parse(await applyChange(trx, actor, before ?? subscriptionOf(undefined), change));
    await checkScope(trx, actor, access, next);
    const stored = await upsertTarget(trx, actor.organisationId, { platform: channel.platform, address: channel.address, name: channel.name, subscription: next, createdBy: actor.operator ? null : actor.personId }, nowOf(deps));
    await recordChange(trx, deps, actor, { action: 'reminders.channel-set', entity: 'reminder-target', entityId: stored.id, before: existing ? { active: existing.active, subscription: before } : null, after: { channel: channel.name, subscription: next, by: actor.displayName } });
    return { target: stored, existed: existing?.active === true };
  });
  return channelReply(deps, actor, channel, target, existed ? 'updated' : 'subscribed');
}

// Inside the transaction: on the embedded database, a query on another connection would wait for it.
async function applyChange(db: Db, actor: Actor, base: ChannelSubscription, change: ChannelChange): Promise<ChannelSubscription> {
  let teamId = base.teamId;
  if (change.team !== undefined) {
    const team = change.team === null ? null : await findTeamByName(db, actor.organisationId, change.team);
    if (change.team !== null && !team) throw new RecertError('team-not-found', { name: change.team });
    teamId = team?.id ?? null;
  }
  return {
    ...base,
    ...(change.daysBefore ? { daysBefore: [...change.daysBefore] } : {}),
    ...(change.sendAt ? { sendAt: change.sendAt } : {}),
    ...(change.weekdaysOnly !== undefined ? { weekdaysOnly: change.weekdaysOnly } : {}),
    ...(change.zone ? { zone: change.zone } : {}),
    ...(change.private !== undefined ? { private: change.private } : {}),
    teamId,
  };
}

async function checkScope(db: Db, actor: Actor, access: Access, next: ChannelSubscription): Promise<void> {
  if (access.role !== 'manager' || access.managedTeams === null) return;
  if (next.teamId !== null && access.managedTeams.includes(next.teamId)) return;
  const teams = await managedTeams(db, actor.organisationId, actor.personId);
  throw new RecertError('remind-team-required', { teams: teams.map((t) => t.name).join(', ') });
}

/** `remind off`: the channel gets no more reminders (its settings are kept for `remind here`). */
export async function turnChannelOff(deps: CoreDeps, actor: Actor, channel: ReminderChannel | null): Promise<Reply> {
  await authorize(deps, actor, 'configure-reminders');
  if (!channel) throw new RecertError('remind-no-channel');
  const { target, changed } = await inTransaction(deps.db, async (trx) => {
    const existing = await findTarget(trx, actor.organisationId, channel.platform, channel.address);
    const off = existing ? await deactivateTarget(trx, actor.organisationId, existing.id, null, nowOf(deps)) : false;
    if (existing && off) await recordChange(trx, deps, actor, { action: 'reminders.channel-off', entity: 'reminder-target', entityId: existing.id, after: { channel: existing.name, by: actor.displayName } });
    return { target: existing && ({ ...existing, active: false } satisfies StoredTarget), changed: off };
  });
  return channelReply(deps, actor, channel, target, changed ? 'off' : 'already-off');
}

/** `remind show` (or `remind`): the channel's settings and its next digest times. */
export async function showChannel(deps: CoreDeps, actor: Actor, channel: ReminderChannel | null): Promise<Reply> {
  await authorize(deps, actor, 'configure-reminders');
  if (!channel) throw new RecertError('remind-no-channel');
  const target = await findTarget(deps.db, actor.organisationId, channel.platform, channel.address);
  return channelReply(deps, actor, channel, target, 'show');
}
