import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { teamOf, type SlackRuntime } from '../runtime.ts';
import { openLogModal } from '../views/open-log-modal.ts';
import type { ButtonArgs } from './action-context.ts';

type ButtonMiddleware = Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;

/** App Home "Log a training": the modal, right after the ack (the trigger lives 3 s). */
export function homeLogButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    const { body, ack, context, client } = args as ButtonArgs;
    await ack();
    const teamId = teamOf(rt, 'home log button', context.teamId, body.team?.id, body.user.team_id);
    if (!teamId) return;
    await openLogModal(rt, client, { triggerId: body.trigger_id, teamId, userId: body.user.id, metadata: {} });
  };
}
