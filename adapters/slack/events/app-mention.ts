import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackRuntime } from '../runtime.ts';
import { acceptMessage } from './conversation.ts';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/** "@Recert finished the MLN webinar…" in a channel: answered in the message's thread. */
export function appMention(rt: SlackRuntime): Middleware<SlackEventMiddlewareArgs<'app_mention'>> {
  return async ({ event, body, context }: MentionArgs) => {
    if (!event.user || event.bot_id) return;
    await acceptMessage(rt, {
      teamId: context.teamId ?? event.team ?? body.team_id,
      enterpriseId: context.enterpriseId ?? body.enterprise_id,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
      userId: event.user,
      channel: event.channel,
      text: event.text,
      ts: event.ts,
      threadTs: event.thread_ts ?? null,
      eventId: body.event_id,
      clientMsgId: event.client_msg_id,
    });
  };
}
