import type { ChannelChange, Unreadable } from '../reminders/change.ts';

export type { ChannelChange, Unreadable } from '../reminders/change.ts';

/** A manager's (or admin's) reminder settings, from chat. The core checks who may. */
export type RemindIntent =
  | { readonly kind: 'remind'; readonly op: 'here'; readonly change: ChannelChange | Unreadable }
  | { readonly kind: 'remind'; readonly op: 'off' | 'show' }
  | { readonly kind: 'remind'; readonly op: 'dms'; readonly on: boolean }
  /** `snooze [3 days]`: the person's own reminders (what a DM's button does). */
  | { readonly kind: 'snooze'; readonly days: number }
  /** `digest weekly monday 8:00`; null: `digest off`. */
  | { readonly kind: 'digest'; readonly schedule: { readonly weekday: number; readonly sendAt: string } | Unreadable | null };
