import type { AllMiddlewareArgs, BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { accept, NOT_STORED_TEXT, UNREADABLE_TEXT } from '../inbound/accept.ts';
import type { ButtonName } from '../inbound/payloads.ts';
import { teamOf, type SlackRuntime } from '../runtime.ts';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type ButtonMiddleware = Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;

/** Where a pressed button sat: the message's channel and thread (for answers and anchors). */
export function placeOf(body: ButtonArgs['body']): { channel: string | null; threadTs: string | null } {
  const message: Record<string, unknown> = body.message ?? {};
  const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : typeof message.ts === 'string' ? message.ts : null;
  return { channel: body.channel?.id ?? body.container?.channel_id ?? null, threadTs };
}

/**
 * A button whose effect goes through the inbox: store the press (a redelivered click has the same
 * trigger id and is stored once), acknowledge, and let the inbox answer by replacing the message.
 * Slack never resends a click, so when the press cannot be stored the person is told at once.
 */
export function inboxButton(rt: SlackRuntime, button: ButtonName): ButtonMiddleware {
  return async (args) => {
    const { body, action, ack, context } = args as ButtonArgs;
    const teamId = teamOf(rt, 'button', context.teamId, body.team?.id, body.user.team_id);
    const stored = teamId
      ? await accept(rt, `trigger:${body.trigger_id}`, {
          kind: 'button',
          button,
          teamId,
          enterpriseId: context.enterpriseId ?? body.enterprise?.id ?? null,
          isEnterpriseInstall: context.isEnterpriseInstall === true,
          userId: body.user.id,
          value: action.value ?? '',
          responseUrl: body.response_url ?? null,
          ...placeOf(body),
        }).catch((error: unknown) => {
          rt.log.error('slack button press not stored', { error: error instanceof Error ? error.message : String(error) });
          return 'failed' as const;
        })
      : 'invalid';
    await ack();
    if (stored === 'failed' || stored === 'invalid') await tellAtOnce(rt, body.response_url, stored === 'failed' ? NOT_STORED_TEXT : UNREADABLE_TEXT);
  };
}

/** Best effort, without the database: an ephemeral note through the response_url. */
export async function tellAtOnce(rt: SlackRuntime, responseUrl: string | undefined, text: string): Promise<void> {
  if (!responseUrl) return;
  await rt.respond(responseUrl, { text, response_type: 'ephemeral', replace_original: false }).catch((error: unknown) => {
    rt.log.warn('slack: could not say that a request was not stored', { error: error instanceof Error ? error.message : String(error) });
  });
}
