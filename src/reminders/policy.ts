import { z } from 'zod';

/**
 * When a target (a channel, or a person by DM) is nudged about a certificate: so many days before it
 * expires, on the day itself (0), then weekly while it stays expired; at a local time, in a zone.
 */
export interface ReminderPolicy {
  /** Days before expiry, largest first; 0 is the expiry day itself. */
  readonly daysBefore: readonly number[];
  readonly weeklyAfterExpiry: boolean;
  /** Local send time, `HH:mm`. */
  readonly sendAt: string;
  /** Weekend steps move to the Friday before (never later than planned). */
  readonly weekdaysOnly: boolean;
  /** IANA zone of the target; null: the organisation's (channels) or the person's own (DMs). */
  readonly zone: string | null;
}

export const DEFAULT_POLICY: ReminderPolicy = { daysBefore: [60, 30, 14, 7, 1, 0], weeklyAfterExpiry: true, sendAt: '09:00', weekdaysOnly: false, zone: null };

/** How many weekly reminders after expiry at most (a year): someone who never renews is not nudged forever. */
export const MAX_WEEKLY_STEPS = 52;

export const reminderPolicySchema: z.ZodType<ReminderPolicy> = z.object({
  daysBefore: z.array(z.number().int().min(0).max(365)).max(12),
  weeklyAfterExpiry: z.boolean(),
  sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  weekdaysOnly: z.boolean(),
  zone: z.string().nullable(),
});

/** A channel's subscription: its policy, and what it shows. */
export interface ChannelSubscription extends ReminderPolicy {
  /** Only this team's people (by team id); null: everyone. */
  readonly teamId: string | null;
  /** Counts only in the channel; names and details by DM to each person. */
  readonly private: boolean;
}

export const channelSubscriptionSchema: z.ZodType<ChannelSubscription> = z.intersection(
  reminderPolicySchema,
  z.object({ teamId: z.string().nullable(), private: z.boolean() }),
) as z.ZodType<ChannelSubscription>;

/** Days before, largest first, without repeats. */
export function normaliseDays(days: readonly number[]): number[] {
  return [...new Set(days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 365))].sort((a, b) => b - a);
}
