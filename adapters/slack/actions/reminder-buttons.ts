import type { SlackRuntime } from '../runtime.ts';
import { inboxButton } from './action-context.ts';

/**
 * A reminder DM's buttons. Snooze goes through the inbox like every change (a redelivered click is
 * stored once); the core records the snooze and the answer replaces the DM ("Snoozed: no reminders
 * until …"). "See my status" answers with the person's status. "Log a training" is App Home's button.
 */
export function snoozeButton(rt: SlackRuntime): ReturnType<typeof inboxButton> {
  return inboxButton(rt, 'snooze');
}

export function reminderStatusButton(rt: SlackRuntime): ReturnType<typeof inboxButton> {
  return inboxButton(rt, 'reminder-status');
}
