import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackRuntime } from '../runtime.ts';
import { acceptMessage } from './conversation.ts';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * A message in the bot's DM. Edits, deletions, bot posts and file shares are other subtypes:
 * files arrive through `file_shared`, so they are not handled twice.
 */
export function directMessage(rt: SlackRuntime): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ message, body, context }: MessageArgs) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || ('bot_id' in message && message.bot_id)) return;
    if (!message.user || !message.text) return;
    await acceptMessage(rt, {
      teamId: context.teamId ?? body.team_id,
      enterpriseId: context.enterpriseId ?? body.enterprise_id,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
      userId: message.user,
      channel: message.channel,
      text: message.text,
      ts: message.ts,
      threadTs: message.thread_ts ?? null,
      eventId: body.event_id,
      clientMsgId: message.client_msg_id,
    });
  };
}
