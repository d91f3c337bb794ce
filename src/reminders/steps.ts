import type { DateTime } from 'luxon';
import { addDays, type IsoDate } from '../domain/dates.ts';
import { MAX_WEEKLY_STEPS, type ReminderPolicy } from './policy.ts';
import { sendInstant, weekdayOnOrBefore } from './send-time.ts';

/** One nudge about one certificate: `before-30` (30 days before expiry), `before-0` (the day), `after-2` (2 weeks after). */
export interface ReminderStep {
  readonly step: string;
  /** Days from expiry (negative: before it; positive: after). Orders the steps. */
  readonly offsetDays: number;
  /** The local day it is sent on (after moving weekends, when the policy says so). */
  readonly localDate: IsoDate;
  readonly dueAt: DateTime;
}

/**
 * The steps of a certificate expiring on `expiresOn`, in the order they come, sent in `zone` — all
 * of them, or only those whose local day falls within `days` (the planner's window, with a day to
 * spare on each side for zones: computing a send instant is the planner's main cost).
 */
export function stepsOf(policy: ReminderPolicy, expiresOn: IsoDate, zone: string, days?: { readonly from: IsoDate; readonly to: IsoDate }): ReminderStep[] {
  const offsets = [
    ...policy.daysBefore.map((d) => ({ step: `before-${d}`, offsetDays: -d })),
    ...(policy.weeklyAfterExpiry ? Array.from({ length: MAX_WEEKLY_STEPS }, (_, i) => ({ step: `after-${i + 1}`, offsetDays: 7 * (i + 1) })) : []),
  ].sort((a, b) => a.offsetDays - b.offsetDays);
  return offsets.flatMap(({ step, offsetDays }) => {
    const planned = addDays(expiresOn, offsetDays);
    const localDate = policy.weekdaysOnly ? weekdayOnOrBefore(planned) : planned;
    if (days && (localDate < days.from || localDate > days.to)) return [];
    return [{ step, offsetDays, localDate, dueAt: sendInstant(localDate, policy.sendAt, zone) }];
  });
}

/**
 * The one step to send at `now`, if any: the latest step already due that came after `since` (the
 * moment planning last covered, e.g. the end of the last run) — after downtime, the step whose next
 * step is already due is skipped, never sent late. Steps further back than `since` were planned by an
 * earlier run (or deliberately not, e.g. the person was compliant then).
 */
export function dueStep(steps: readonly ReminderStep[], since: DateTime, now: DateTime): ReminderStep | null {
  let due: ReminderStep | null = null;
  for (const step of steps) if (step.dueAt <= now) due = step;
  return due && due.dueAt > since ? due : null;
}
