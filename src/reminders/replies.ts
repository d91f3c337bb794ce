import type { IsoDate } from '../domain/dates.ts';
import type { ReminderMessage } from './messages.ts';

/** A channel's subscription as a reply shows it. */
export interface ChannelReminders {
  readonly channelName: string;
  /** False: the channel gets no reminders (never subscribed, or `remind off`). */
  readonly active: boolean;
  readonly daysBefore: readonly number[];
  readonly weeklyAfterExpiry: boolean;
  readonly sendAt: string;
  readonly weekdaysOnly: boolean;
  /** The zone its times are read in: its own, else the organisation's (`zoneOwn` false). */
  readonly zone: string;
  readonly zoneOwn: boolean;
  /** The team it is limited to (by name); null: everyone. */
  readonly team: string | null;
  readonly private: boolean;
}

/** A coming send time of the channel's digest: the local instant (ISO with offset) and how many people are due then. */
export interface NextSend {
  readonly at: string;
  readonly people: number;
}

/** Replies of reminder settings, and a reminder message shown as a reply (the terminal, tests). */
export type ReminderReply =
  | {
      readonly kind: 'reminders-channel';
      /** What the request did: `show` changed nothing. */
      readonly change: 'show' | 'subscribed' | 'updated' | 'off' | 'already-off';
      readonly channel: ChannelReminders;
      /** The next few digest times (empty when off, or nobody is due). */
      readonly next: readonly NextSend[];
      /** Whether people get DMs (the organisation's policy). */
      readonly dms: boolean;
      /** The asker's own weekly digest, when they opted in. */
      readonly digest: { readonly weekday: number; readonly sendAt: string } | null;
    }
  | { readonly kind: 'reminders-dms'; readonly on: boolean; readonly changed: boolean }
  | { readonly kind: 'manager-digest-set'; readonly schedule: { readonly weekday: number; readonly sendAt: string; readonly zone: string } | null; readonly changed: boolean }
  | { readonly kind: 'snoozed'; readonly until: IsoDate; readonly days: number }
  | { readonly kind: 'reminder'; readonly message: ReminderMessage };
