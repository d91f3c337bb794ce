import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { accept } from '../inbound/accept.ts';
import { teamOf, type SlackRuntime } from '../runtime.ts';

type FileArgs = SlackEventMiddlewareArgs<'file_shared'> & AllMiddlewareArgs;

/** A file shared where the bot can see it: stored, then judged (and maybe attached) by the inbox. */
export function fileShared(rt: SlackRuntime): Middleware<SlackEventMiddlewareArgs<'file_shared'>> {
  return async ({ event, body, context }: FileArgs) => {
    if (event.user_id === context.botUserId) return;
    const teamId = teamOf(rt, 'file_shared', context.teamId, body.team_id);
    if (!teamId) return;
    await accept(rt, `event:${body.event_id}`, {
      kind: 'file',
      teamId,
      enterpriseId: context.enterpriseId ?? body.enterprise_id ?? null,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
      userId: event.user_id,
      channelId: event.channel_id,
      fileId: event.file_id,
    });
  };
}
