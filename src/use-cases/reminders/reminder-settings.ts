import type { Actor } from '../../domain/people.ts';
import { readDmPolicy, saveDmPolicy, findManagerDigest, saveManagerDigest } from '../../db/repositories/reminder-settings.ts';
import { inTransaction } from '../../db/transaction.ts';
import { RecertError } from '../../errors.ts';
import { isUnreadable, type Unreadable } from '../../reminders/change.ts';
import { DEFAULT_POLICY, reminderPolicySchema } from '../../reminders/policy.ts';
import type { Reply } from '../../replies.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf, recordChange } from '../shared.ts';

/**
 * `remind dms on|off`: whether people get a DM about their own gap (the organisation's policy; on
 * by default). Turning DMs on again keeps the policy they had.
 */
export async function setDmPolicy(deps: CoreDeps, actor: Actor, on: boolean): Promise<Reply> {
  await authorize(deps, actor, 'configure-reminders');
  return inTransaction(deps.db, async (trx) => {
    const stored = await readDmPolicy(trx, actor.organisationId);
    const wasOn = stored !== null;
    const kept = reminderPolicySchema.safeParse(stored);
    const policy = on ? (kept.success ? kept.data : DEFAULT_POLICY) : null;
    await saveDmPolicy(trx, actor.organisationId, policy, nowOf(deps));
    if (wasOn !== on || stored === undefined) await recordChange(trx, deps, actor, { action: 'reminders.dms-set', entity: 'organisation', entityId: actor.organisationId, before: { on: wasOn }, after: { on, by: actor.displayName } });
    return { kind: 'reminders-dms', on, changed: wasOn !== on };
  });
}

export type DigestSchedule = { readonly weekday: number; readonly sendAt: string };

/**
 * `digest weekly monday 8:00` / `digest off`: a manager's (or admin's) own weekly digest — the
 * report and the last 12 weeks' chart, by DM, at that local time in their zone.
 */
export async function setManagerDigest(deps: CoreDeps, actor: Actor, schedule: DigestSchedule | Unreadable | null): Promise<Reply> {
  await authorize(deps, actor, 'see-report', undefined, 'digest');
  if (schedule !== null && isUnreadable(schedule)) throw new RecertError(schedule.code, schedule.details);
  if (actor.operator) throw new RecertError('remind-no-channel');
  return inTransaction(deps.db, async (trx) => {
    const before = await findManagerDigest(trx, actor.organisationId, actor.personId);
    const was = before?.active ? { weekday: before.weekday, sendAt: before.sendAt } : null;
    await saveManagerDigest(trx, actor.organisationId, actor.personId, schedule, nowOf(deps));
    const changed = JSON.stringify(was) !== JSON.stringify(schedule);
    if (changed) await recordChange(trx, deps, actor, { action: 'reminders.digest-set', entity: 'person', entityId: actor.personId, before: was, after: { schedule, zone: actor.timeZone, by: actor.displayName } });
    return { kind: 'manager-digest-set', schedule: schedule && { ...schedule, zone: actor.timeZone }, changed };
  });
}
