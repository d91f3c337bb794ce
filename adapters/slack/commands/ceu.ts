import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { converse, interpret } from '../../../src/index.ts';
import { actorFor, firstDelivery, plainText, type SlackRuntime } from '../runtime.ts';
import { handled, sendReplies, type Surface } from '../send.ts';
import { openLogModal } from '../views/open-log-modal.ts';

/** Only answers that are safe to show others can be shared in the channel. */
const SHAREABLE: ReadonlySet<string> = new Set(['status', 'history', 'help']);

/** `/ceu …`: the same words as a chat message. `/ceu` alone opens "Log a training". Private unless `share`. */
export function ceuCommand(rt: SlackRuntime): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond, client }) => {
    await ack();
    // Slack escapes &, < and > in command text as it does in messages.
    const { text, share } = readShare(plainText(command.text));
    if (!text) {
      await openLogModal(rt, client, { triggerId: command.trigger_id, teamId: command.team_id, userId: command.user_id, metadata: {} }).catch(() => undefined);
      return;
    }
    const surface: Surface = { kind: 'respond', respond, share: share && SHAREABLE.has(interpret(text).kind), client, userId: command.user_id };
    await handled(rt, surface, 'command', async () => {
      if (!(await firstDelivery(rt, 'slack-trigger', command.trigger_id))) return;
      const { actor, firstContact } = await actorFor(rt, client, { teamId: command.team_id, userId: command.user_id, requestId: command.trigger_id });
      await sendReplies(rt, surface, await converse(rt.core, actor, text, { firstContact }));
    });
  };
}

function readShare(raw: string): { text: string; share: boolean } {
  const text = raw.trim();
  const match = /^(.*?)\s+share$/i.exec(text);
  return match ? { text: match[1]?.trim() ?? '', share: true } : { text, share: false };
}
