import type { WebClient } from '@slack/web-api';
import { converse } from '../../../src/index.ts';
import { actorFor, anchorOf, firstDelivery, plainText, type SlackRuntime } from '../runtime.ts';
import { handled, sendReplies, type Surface } from '../send.ts';

export interface IncomingMessage {
  readonly teamId: string;
  readonly userId: string;
  readonly channel: string;
  readonly text: string;
  readonly ts: string;
  readonly threadTs: string | null;
  readonly eventId: string | undefined;
  /** Slack's id of the message itself: the same message reaches us as `message.im` and `app_mention`. */
  readonly clientMsgId: string | undefined;
}

/**
 * A person wrote to the bot (DM or mention): answer in the message's thread. A preview opened here
 * is anchored to the thread, so the answer to a question and a certificate shared there find it.
 */
export async function answerMessage(rt: SlackRuntime, client: WebClient, message: IncomingMessage): Promise<void> {
  const threadTs = message.threadTs ?? message.ts;
  const surface: Surface = { kind: 'thread', client, channel: message.channel, threadTs, userId: message.userId };
  await handled(rt, surface, 'message', async () => {
    if (!(await firstDelivery(rt, 'slack-event', message.eventId))) return;
    if (!(await firstDelivery(rt, 'slack-message', message.clientMsgId))) return;
    const { actor, firstContact } = await actorFor(rt, client, { teamId: message.teamId, userId: message.userId, requestId: message.eventId ?? message.ts });
    // A channel is public: there, answers reach only a preview opened in the same thread.
    const replies = await converse(rt.core, actor, plainText(message.text), { firstContact, anchor: anchorOf(message.channel, threadTs), public: !message.channel.startsWith('D') });
    await sendReplies(rt, surface, replies);
  });
}
