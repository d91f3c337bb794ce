import type { Actor } from '../domain/people.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import type { ReminderChannel } from '../use-cases/reminders/channel-view.ts';
import { configureChannel, showChannel, turnChannelOff } from '../use-cases/reminders/configure-channel.ts';
import { setDmPolicy, setManagerDigest } from '../use-cases/reminders/reminder-settings.ts';
import { snoozeReminders } from '../use-cases/reminders/snooze.ts';
import type { Intent } from './intent.ts';
import type { RemindIntent } from './remind-intent.ts';

const REMIND_KINDS: ReadonlySet<string> = new Set(['remind', 'digest', 'snooze']);

export function isRemindIntent(intent: Intent): intent is RemindIntent {
  return REMIND_KINDS.has(intent.kind);
}

/** Run a reminder-settings intent in `channel` (null: a DM, where `remind here` has no channel). Who may is the use case's. */
export function dispatchRemind(deps: CoreDeps, actor: Actor, intent: RemindIntent, channel: ReminderChannel | null): Promise<Reply> {
  if (intent.kind === 'digest') return setManagerDigest(deps, actor, intent.schedule);
  if (intent.kind === 'snooze') return snoozeReminders(deps, actor, { days: intent.days });
  switch (intent.op) {
    case 'here':
      return configureChannel(deps, actor, channel, intent.change);
    case 'off':
      return turnChannelOff(deps, actor, channel);
    case 'show':
      return showChannel(deps, actor, channel);
    case 'dms':
      return setDmPolicy(deps, actor, intent.on);
  }
}
