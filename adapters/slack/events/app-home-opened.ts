import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { accept } from '../inbound/accept.ts';
import { teamOf, type SlackRuntime } from '../runtime.ts';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** App Home opened: refreshed from the inbox (a first visitor is also welcomed in the DM, once). */
export function appHomeOpened(rt: SlackRuntime): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event, body, context }: HomeArgs) => {
    if (event.tab !== 'home') return;
    const teamId = teamOf(rt, 'app_home_opened', context.teamId, body.team_id);
    if (!teamId) return;
    await accept(rt, `event:${body.event_id}`, {
      kind: 'home',
      teamId,
      enterpriseId: context.enterpriseId ?? body.enterprise_id ?? null,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
      userId: event.user,
    });
  };
}
