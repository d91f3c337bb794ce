import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackRuntime } from '../runtime.ts';
import { answerMessage } from './conversation.ts';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * A message in the bot's DM. Edits, deletions, bot posts and file shares are other subtypes:
 * files arrive through `file_shared`, so they are not handled twice.
 */
export function directMessage(rt: SlackRuntime): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ message, body, client, context }: MessageArgs) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message && message.bot_id) return;
    if (!message.user || !message.text) return;
    await answerMessage(rt, client, {
      teamId: context.teamId ?? body.team_id,
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
