import { converse, interpret, logTraining, asReply, type CoreDeps, type Mentions, type ReminderChannel } from '../../../src/index.ts';
import type { SlackAuth } from '../clients.ts';
import { commandText } from '../command-text.ts';
import { actorFor, anchorOf, firstDelivery, plainText, type SlackRuntime } from '../runtime.ts';
import type { Surface } from '../send.ts';
import { SILENT, type SlackOutcome } from './outcome.ts';
import type { PayloadOf } from './payloads.ts';

/** Only answers that are safe to show others can be shared in the channel. */
const SHAREABLE: ReadonlySet<string> = new Set(['status', 'history', 'help']);

export function commandSurface(p: PayloadOf<'command'>): Surface {
  return { kind: 'respond', responseUrl: p.responseUrl, share: p.share && SHAREABLE.has(interpret(commandText(plainText(p.text))).kind), userId: p.userId };
}

/** `/ceu …`: the same words as a chat message, answered through the command's response_url. */
export async function applyCommand(rt: SlackRuntime, deps: CoreDeps, auth: SlackAuth, p: PayloadOf<'command'>, requestId: string, mentions: Mentions): Promise<SlackOutcome> {
  const { actor, firstContact } = await actorFor(rt, deps, auth.client, { teamId: p.teamId, userId: p.userId, requestId, installerUserId: auth.installerUserId });
  return { surface: commandSurface(p), replies: await converse(deps, actor, commandText(plainText(p.text, auth.botUserId)), { firstContact, mentions, ...channelOf(p.channelId, p.channelName) }) };
}

/**
 * The channel a command or message was typed in, for `remind here …` (a DM is no channel). A
 * message event carries no name: Slack shows `#id` as the channel's link where it renders mrkdwn,
 * and the command's name replaces it on the next `/ceu remind`.
 */
export function channelOf(channelId: string, name?: string): { channel?: ReminderChannel } {
  if (channelId.startsWith('D')) return {};
  const shown = name && name !== 'directmessage' && name !== 'privategroup' ? `#${name}` : `channel ${channelId}`;
  return { channel: { platform: 'slack', address: channelId, name: shown } };
}

export function messageSurface(p: PayloadOf<'message'>): Surface {
  return { kind: 'thread', channel: p.channel, threadTs: p.threadTs ?? p.ts, userId: p.userId };
}

/**
 * A person wrote to the bot (DM or mention): answered in the message's thread. A preview opened here
 * is anchored to the thread, so the answer to a question and a certificate shared there find it.
 */
export async function applyMessage(rt: SlackRuntime, deps: CoreDeps, auth: SlackAuth, p: PayloadOf<'message'>, requestId: string, mentions: Mentions): Promise<SlackOutcome> {
  // The same message arrives as `message.im` and as `app_mention` (two deliveries): answer it once.
  if (!(await firstDelivery(rt, deps, 'slack-message', p.clientMsgId))) return SILENT;
  const { actor, firstContact } = await actorFor(rt, deps, auth.client, { teamId: p.teamId, userId: p.userId, requestId, installerUserId: auth.installerUserId });
  const surface = messageSurface(p);
  if (surface.kind !== 'thread') return SILENT;
  // A channel is public: there, answers reach only a preview opened in the same thread.
  const replies = await converse(deps, actor, commandText(plainText(p.text, auth.botUserId)), { firstContact, mentions, anchor: anchorOf(p.channel, surface.threadTs), public: !p.channel.startsWith('D'), ...channelOf(p.channel) });
  return { surface, replies };
}

export function shortcutSurface(p: PayloadOf<'shortcut'>): Surface {
  return { kind: 'respond', responseUrl: p.responseUrl, userId: p.userId };
}

/** Message shortcut "Log as CE training": the message's text becomes a preview, shown only to the person. */
export async function applyShortcut(rt: SlackRuntime, deps: CoreDeps, auth: SlackAuth, p: PayloadOf<'shortcut'>, requestId: string): Promise<SlackOutcome> {
  const { actor } = await actorFor(rt, deps, auth.client, { teamId: p.teamId, userId: p.userId, requestId });
  const anchor = anchorOf(p.channelId, p.threadTs ?? p.messageTs);
  return { surface: shortcutSurface(p), replies: [await asReply(() => logTraining(deps, actor, plainText(p.text), { anchor }))] };
}
