import type { App } from '@slack/bolt';
import type { InstallationStore } from '@slack/oauth';
import { inboxButton } from './actions/action-context.ts';
import { editButton } from './actions/draft-buttons.ts';
import { homeLogButton } from './actions/entry-buttons.ts';
import { reminderStatusButton, snoozeButton } from './actions/reminder-buttons.ts';
import { ceuCommand } from './commands/ceu.ts';
import { appHomeOpened } from './events/app-home-opened.ts';
import { appMention } from './events/app-mention.ts';
import { directMessage } from './events/direct-message.ts';
import { fileShared } from './events/file-shared.ts';
import { uninstalled } from './events/uninstalled.ts';
import { ACTIONS, COMMAND, SHORTCUTS, VIEWS } from './ids.ts';
import { HISTORY_PAGE_ACTION } from './render/history.ts';
import { AUDIT_ATTACH_ACTION, REPORT_DETAILS_ACTION, REPORT_PAGE_ACTION } from './render/report.ts';
import type { SlackRuntime } from './runtime.ts';
import { logMessageShortcut, logTrainingShortcut } from './shortcuts/log-shortcuts.ts';
import { logTrainingSubmission } from './views/log-training-submission.ts';

/** The part of Bolt's App that registration uses; a recorder implements it in the manifest test. */
export type ListenerRegistry = Pick<App, 'command' | 'event' | 'message' | 'action' | 'view' | 'shortcut'>;

/**
 * Every Slack entry point, registered apart from its implementation (one file per handler). What
 * changes data is stored in the inbox before the ack and processed by inbound/handler.ts; what only
 * opens a modal (its trigger lives 3 s) runs right after the ack.
 */
export function registerListeners(app: ListenerRegistry, rt: SlackRuntime, store: InstallationStore | null): void {
  app.command(COMMAND, ceuCommand(rt));

  app.message(directMessage(rt));
  app.event('app_mention', appMention(rt));
  app.event('file_shared', fileShared(rt));
  app.event('app_home_opened', appHomeOpened(rt));
  app.event('app_uninstalled', uninstalled(rt, store));
  app.event('tokens_revoked', uninstalled(rt, store));

  app.action(ACTIONS.confirm, inboxButton(rt, 'confirm'));
  app.action(ACTIONS.confirmUnregistered, inboxButton(rt, 'confirm-unregistered'));
  app.action(ACTIONS.cancel, inboxButton(rt, 'cancel'));
  app.action(ACTIONS.undo, inboxButton(rt, 'undo'));
  app.action(HISTORY_PAGE_ACTION, inboxButton(rt, 'history-page'));
  app.action(ACTIONS.homeAttach, inboxButton(rt, 'home-attach'));
  app.action(REPORT_DETAILS_ACTION, inboxButton(rt, 'report-details'));
  app.action(REPORT_PAGE_ACTION, inboxButton(rt, 'report-page'));
  app.action(AUDIT_ATTACH_ACTION, inboxButton(rt, 'audit-attach'));
  app.action(ACTIONS.feeAnyway, inboxButton(rt, 'fee-anyway'));
  app.action(ACTIONS.certAnyway, inboxButton(rt, 'cert-anyway'));
  app.action(ACTIONS.fixTyped, inboxButton(rt, 'fix-typed'));
  app.action(ACTIONS.snooze, snoozeButton(rt));
  app.action(ACTIONS.reminderStatus, reminderStatusButton(rt));
  app.action(ACTIONS.edit, editButton(rt));
  app.action(ACTIONS.homeLog, homeLogButton(rt));

  app.view(VIEWS.logTraining, logTrainingSubmission(rt));

  app.shortcut(SHORTCUTS.logTraining, logTrainingShortcut(rt));
  app.shortcut(SHORTCUTS.logMessage, logMessageShortcut(rt));
}
