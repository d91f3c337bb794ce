import type { GlobalShortcut, MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { asReply, logTraining } from '../../../src/index.ts';
import { actorFor, anchorOf, firstDelivery, plainText, teamOf, type SlackRuntime } from '../runtime.ts';
import { handled, sendReplies, type Surface } from '../send.ts';
import { openLogModal } from '../views/open-log-modal.ts';

/** Global shortcut "Log a training": the modal. */
export function logTrainingShortcut(rt: SlackRuntime): Middleware<SlackShortcutMiddlewareArgs<GlobalShortcut>> {
  return async ({ ack, shortcut, client, context }) => {
    await ack();
    const teamId = teamOf(rt, 'shortcut', context.teamId, shortcut.team?.id, shortcut.user.team_id);
    if (!teamId) return;
    await openLogModal(rt, client, { triggerId: shortcut.trigger_id, teamId, userId: shortcut.user.id, metadata: {} }).catch(() => undefined);
  };
}

/** Message shortcut "Log as CE training": the message's text becomes a preview, shown only to the person. */
export function logMessageShortcut(rt: SlackRuntime): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ ack, shortcut, client, respond, context }) => {
    await ack();
    const userId = shortcut.user.id;
    const surface: Surface = { kind: 'respond', respond, client, userId };
    await handled(rt, surface, 'message shortcut', async () => {
      if (!(await firstDelivery(rt, 'slack-trigger', shortcut.trigger_id))) return;
      const teamId = teamOf(rt, 'message shortcut', context.teamId, shortcut.team?.id, shortcut.user.team_id);
      if (!teamId) return;
      const { actor } = await actorFor(rt, client, { teamId, userId, requestId: shortcut.trigger_id });
      const anchor = anchorOf(shortcut.channel.id, shortcut.message.thread_ts ?? shortcut.message.ts);
      const text = plainText(shortcut.message.text ?? '');
      await sendReplies(rt, surface, [await asReply(() => logTraining(rt.core, actor, text, { anchor }))]);
    });
  };
}
