import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { asReply, getHistory, undoLast } from '../../../src/index.ts';
import { teamOf, type SlackRuntime } from '../runtime.ts';
import { handled, sendMessage, sendReplies } from '../send.ts';
import { openLogModal } from '../views/open-log-modal.ts';
import { pressed } from './action-context.ts';

type ButtonMiddleware = Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;

/** Undo under a logged entry (value: training id): undoes the newest change to that entry. */
export function undoButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    const press = await pressed(rt, args);
    if (!press) return;
    await handled(rt, press.surface, 'undo', async () => {
      if (!(await press.isFirst())) return;
      const { actor } = await press.identify();
      await sendReplies(rt, press.surface, [await asReply(() => undoLast(rt.core, actor, press.value ? { trainingId: press.value } : {}))]);
    });
  };
}

/** Previous/next page of the history (value: the page number). */
export function historyPageButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    const press = await pressed(rt, args);
    if (!press) return;
    await handled(rt, press.surface, 'history page', async () => {
      if (!(await press.isFirst())) return;
      const { actor } = await press.identify();
      const page = Number.parseInt(press.value, 10);
      await sendReplies(rt, press.surface, [await getHistory(rt.core, actor, Number.isFinite(page) ? page : 1)]);
    });
  };
}

/** App Home "Log a training". */
export function homeLogButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    await args.ack();
    const teamId = teamOf(rt, 'home log button', args.context.teamId, args.body.team?.id, args.body.user.team_id);
    if (!teamId) return;
    await openLogModal(rt, args.client, { triggerId: args.body.trigger_id, teamId, userId: args.body.user.id, metadata: {} }).catch(() => undefined);
  };
}

/** App Home "Attach a certificate": certificates are shared as files, so say how in the DM. */
export function homeAttachButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    const press = await pressed(rt, args);
    if (!press) return;
    const text = 'To attach a certificate, share the file (PDF, PNG or JPEG, 10 MB at most) here in our DM: it goes to your latest entry. To attach it to another entry, share it in that entry\'s thread.';
    await handled(rt, press.surface, 'home attach', async () => {
      if (!(await press.isFirst())) return;
      await sendMessage(rt, { kind: 'dm', client: args.client, userId: press.userId }, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
    });
  };
}
