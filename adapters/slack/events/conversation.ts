import { accept } from '../inbound/accept.ts';
import type { SlackRuntime } from '../runtime.ts';

export interface IncomingMessage {
  readonly teamId: string | undefined;
  readonly enterpriseId: string | undefined;
  readonly isEnterpriseInstall: boolean;
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
 * A person wrote to the bot (DM or mention): store the delivery; it is answered in the message's
 * thread once processed. Throws when it cannot be stored, so that Slack is not told it arrived
 * (the receiver answers 500 and Slack delivers it again later).
 */
export async function acceptMessage(rt: SlackRuntime, message: IncomingMessage): Promise<void> {
  if (!message.teamId || !message.eventId) return void rt.log.warn('slack message without a team or event id ignored', {});
  await accept(rt, `event:${message.eventId}`, {
    kind: 'message',
    teamId: message.teamId,
    enterpriseId: message.enterpriseId ?? null,
    isEnterpriseInstall: message.isEnterpriseInstall,
    userId: message.userId,
    channel: message.channel,
    text: message.text,
    ts: message.ts,
    threadTs: message.threadTs,
    clientMsgId: message.clientMsgId ?? null,
  });
}
