import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { getHistory, getStatus } from '../../../src/index.ts';
import { callSlack } from '../deliver.ts';
import { renderHome } from '../render/home.ts';
import { actorFor, type SlackRuntime } from '../runtime.ts';
import { sendReplies } from '../send.ts';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** App Home: progress, certificate expiry, fee, entries without proof, recent entries. Refreshed on every open. */
export function appHomeOpened(rt: SlackRuntime): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event, body, client, context }: HomeArgs) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(rt, client, context.teamId ?? body.team_id, event.user);
    } catch (error) {
      rt.log.error('slack app home failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
}

export async function publishHome(rt: SlackRuntime, client: HomeArgs['client'], teamId: string, userId: string): Promise<void> {
  const { actor, firstContact } = await actorFor(rt, client, { teamId, userId });
  // Someone who meets the bot on its Home tab first still gets the welcome, in the DM.
  if (firstContact) await sendReplies(rt, { kind: 'dm', client, userId }, [{ kind: 'welcome', displayName: actor.displayName, hasCredential: false }]);
  const [status, history] = await Promise.all([getStatus(rt.core, actor), getHistory(rt.core, actor, 1)]);
  if (status.kind !== 'status' || history.kind !== 'history') return;
  const view = renderHome({ status: status.status, history });
  await callSlack(rt.log, 'views.publish', () => client.views.publish({ user_id: userId, view }), rt.sleep);
}
