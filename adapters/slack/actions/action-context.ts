import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Identified } from '../../../src/index.ts';
import { actorFor, firstDelivery, teamOf, type SlackRuntime } from '../runtime.ts';
import type { Surface } from '../send.ts';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface ButtonPress {
  /** False for a redelivered click (same trigger id): do nothing. Call inside `handled`. */
  isFirst(): Promise<boolean>;
  readonly value: string;
  readonly surface: Surface;
  readonly teamId: string;
  readonly userId: string;
  readonly triggerId: string;
  readonly channel: string | null;
  readonly threadTs: string | null;
  identify(): Promise<Identified>;
}

/**
 * The common part of every button: ack at once, then answer by replacing the message the button
 * was on (or in the DM when it has no response_url, as on App Home). `isFirst` drops a
 * redelivered click (same trigger id).
 */
export async function pressed(rt: SlackRuntime, args: ButtonArgs): Promise<ButtonPress | null> {
  await args.ack();
  const { body, action, client, respond } = args;
  const teamId = teamOf(rt, 'button', args.context.teamId, body.team?.id, body.user.team_id);
  if (!teamId) return null;
  const userId = body.user.id;
  const surface: Surface = body.response_url
    ? { kind: 'respond', respond, replaceOriginal: true, client, userId }
    : { kind: 'dm', client, userId };
  const message: Record<string, unknown> = body.message ?? {};
  const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : typeof message.ts === 'string' ? message.ts : null;
  return {
    isFirst: () => firstDelivery(rt, 'slack-trigger', body.trigger_id),
    value: action.value ?? '',
    surface,
    teamId,
    userId,
    triggerId: body.trigger_id,
    channel: body.channel?.id ?? body.container?.channel_id ?? null,
    threadTs,
    identify: () => actorFor(rt, client, { teamId, userId, requestId: body.trigger_id }),
  };
}
