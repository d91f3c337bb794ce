import type { GlobalShortcut, MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { tellAtOnce } from '../actions/action-context.ts';
import { accept, NOT_STORED_TEXT, UNREADABLE_TEXT } from '../inbound/accept.ts';
import { teamOf, type SlackRuntime } from '../runtime.ts';
import { openLogModal } from '../views/open-log-modal.ts';

/** Global shortcut "Log a training": the modal. */
export function logTrainingShortcut(rt: SlackRuntime): Middleware<SlackShortcutMiddlewareArgs<GlobalShortcut>> {
  return async ({ ack, shortcut, client, context }) => {
    await ack();
    const teamId = teamOf(rt, 'shortcut', context.teamId, shortcut.team?.id, shortcut.user.team_id);
    if (!teamId) return;
    await openLogModal(rt, client, { triggerId: shortcut.trigger_id, teamId, userId: shortcut.user.id, metadata: {} });
  };
}

/** Message shortcut "Log as CE training": the message's text becomes a preview, shown only to the person. */
export function logMessageShortcut(rt: SlackRuntime): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ ack, shortcut, context }) => {
    const teamId = teamOf(rt, 'message shortcut', context.teamId, shortcut.team?.id, shortcut.user.team_id);
    const stored = teamId
      ? await accept(rt, `trigger:${shortcut.trigger_id}`, {
          kind: 'shortcut',
          teamId,
          enterpriseId: context.enterpriseId ?? shortcut.enterprise?.id ?? null,
          isEnterpriseInstall: context.isEnterpriseInstall === true,
          userId: shortcut.user.id,
          channelId: shortcut.channel.id,
          messageTs: shortcut.message.ts,
          threadTs: shortcut.message.thread_ts ?? null,
          text: shortcut.message.text ?? '',
          responseUrl: shortcut.response_url,
        }).catch((error: unknown) => {
          rt.log.error('slack message shortcut not stored', { error: error instanceof Error ? error.message : String(error) });
          return 'failed' as const;
        })
      : 'invalid';
    await ack();
    if (stored === 'failed' || stored === 'invalid') await tellAtOnce(rt, shortcut.response_url, stored === 'failed' ? NOT_STORED_TEXT : UNREADABLE_TEXT);
  };
}
