import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../src/index.ts';
import { callSlack, DeliveryError } from './deliver.ts';
import { fitMessage } from './render/limits.ts';
import { renderMessage, type SlackMessage } from './render/message.ts';
import type { SlackRuntime } from './runtime.ts';

/** Where a handler answers: the request's response_url, a thread, or the person's DM. */
export type Surface =
  | { readonly kind: 'respond'; readonly respond: RespondFn; readonly replaceOriginal?: boolean; readonly share?: boolean; readonly client: WebClient; readonly userId: string }
  | { readonly kind: 'thread'; readonly client: WebClient; readonly channel: string; readonly threadTs: string; readonly userId: string }
  | { readonly kind: 'dm'; readonly client: WebClient; readonly userId: string };

export async function sendReplies(rt: SlackRuntime, surface: Surface, replies: readonly Reply[]): Promise<void> {
  for (const reply of replies) await sendMessage(rt, surface, renderMessage(reply));
}

export async function sendMessage(rt: SlackRuntime, surface: Surface, message: SlackMessage): Promise<void> {
  try {
    await deliver(rt, surface, message);
  } catch (error) {
    if (!(error instanceof DeliveryError) || error.problem !== 'not-in-channel' || surface.kind === 'dm') throw error;
    // The bot cannot post where it was asked (not a member, archived): tell the person privately.
    const note = '_I could not post in that conversation. Invite me with `/invite @Recert`, or talk to me here._';
    const withNote = fitMessage({ ...message, blocks: [...message.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: note }] }] });
    await deliver(rt, { kind: 'dm', client: surface.client, userId: surface.userId }, withNote);
  }
}

async function deliver(rt: SlackRuntime, surface: Surface, message: SlackMessage): Promise<void> {
  switch (surface.kind) {
    case 'respond':
      await callSlack(rt.log, 'respond', () => surface.respond({ ...message, response_type: surface.share ? 'in_channel' : 'ephemeral', replace_original: surface.replaceOriginal === true }), rt.sleep);
      return;
    case 'thread':
      await callSlack(rt.log, 'chat.postMessage', () => surface.client.chat.postMessage({ channel: surface.channel, thread_ts: surface.threadTs, ...message }), rt.sleep);
      return;
    case 'dm':
      // Posting to a user id opens (or reuses) the DM between the bot and that person.
      await callSlack(rt.log, 'chat.postMessage', () => surface.client.chat.postMessage({ channel: surface.userId, ...message }), rt.sleep);
      return;
  }
}

/**
 * Run a handler's work after its ack. A person's mistakes are already replies; anything else is
 * logged with a short reference the person can quote, and they are told their data is unchanged.
 */
export async function handled(rt: SlackRuntime, surface: Surface, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reference = rt.newReference();
    rt.log.error('slack handler failed', { what, reference, error: error instanceof Error ? error.message : String(error) });
    if (error instanceof DeliveryError && error.problem === 'auth-revoked') return;
    const text = `Something went wrong on my side (reference ${reference}). I may not have finished: check \`/ceu status\` or \`/ceu history\` before trying again.`;
    await sendMessage(rt, surface, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${text}` } }] }).catch(() => undefined);
  }
}
