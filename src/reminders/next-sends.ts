import type { DateTime } from 'luxon';
import type { ComplianceState } from '../domain/compliance-types.ts';
import { addDays, localDate, type IsoDate } from '../domain/dates.ts';
import { channelSubscriptionSchema, DEFAULT_POLICY, type ChannelSubscription } from './policy.ts';
import { stepsOf } from './steps.ts';

/** A channel that never subscribed reads as the default policy, for everyone, with names. */
export const DEFAULT_SUBSCRIPTION: ChannelSubscription = { ...DEFAULT_POLICY, teamId: null, private: false };

/** A stored subscription, validated; a row that does not parse (hand-edited, older shape) reads as the default. */
export function subscriptionOf(stored: unknown): ChannelSubscription {
  const parsed = channelSubscriptionSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SUBSCRIPTION;
}

/** How far ahead `remind show` looks for send times (days): a year and a week covers every step. */
const LOOKAHEAD_DAYS = 372;

export interface SchedulablePerson {
  readonly expiresOn: IsoDate | null;
  readonly teamIds: readonly string[];
  readonly state: ComplianceState;
}

/**
 * The channel's next digest times after `now` (at most `count`), each with how many people are due
 * then, by the planner's own steps and send-time rules. Only people with a gap count: a compliant
 * person is not nudged (the planner and the send-time check agree).
 */
export function nextSends(sub: ChannelSubscription, zone: string, people: readonly SchedulablePerson[], now: DateTime, count = 5): { at: DateTime; people: number }[] {
  const today = localDate(now, zone);
  const window = { from: today, to: addDays(today, LOOKAHEAD_DAYS) };
  const byInstant = new Map<number, { at: DateTime; people: number }>();
  for (const person of people) {
    if (person.state === 'compliant' || person.expiresOn === null) continue;
    if (sub.teamId !== null && !person.teamIds.includes(sub.teamId)) continue;
    const step = stepsOf(sub, person.expiresOn, zone, window).find((s) => s.dueAt > now);
    if (!step) continue;
    const key = step.dueAt.toMillis();
    const slot = byInstant.get(key) ?? { at: step.dueAt.setZone(zone), people: 0 };
    byInstant.set(key, { ...slot, people: slot.people + 1 });
  }
  return [...byInstant.values()].sort((a, b) => a.at.toMillis() - b.at.toMillis()).slice(0, count);
}
