import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../src/index.ts';
import { callSlack, DeliveryError } from './deliver.ts';
import { fitMessage } from './render/limits.ts';
import { renderMessage, type SlackMessage } from './render/message.ts';
import type { SlackRuntime } from './runtime.ts';
import { sendPaperwork, type Asker } from './upload-paperwork.ts';

/**
 * Where an answer goes: the request's response_url, a thread, or the person's DM. Plain data, so it
 * is stored in the inbox with the delivery and used again if sending has to be retried.
 */
export type Surface =
  | { readonly kind: 'respond'; readonly responseUrl: string; readonly replaceOriginal?: boolean; readonly share?: boolean; readonly userId: string }
  | { readonly kind: 'thread'; readonly channel: string; readonly threadTs: string; readonly userId: string }
  | { readonly kind: 'dm'; readonly userId: string };

export async function sendReplies(rt: SlackRuntime, client: WebClient, surface: Surface, replies: readonly Reply[]): Promise<void> {
  for (const reply of replies) {
    // A message for someone else (an audit's request) goes to that person's DM, never here.
    if (reply.kind === 'notify') await sendMessage(rt, client, { kind: 'dm', userId: reply.to.platformUserId }, renderMessage(reply.message));
    // Paperwork: files uploaded to the asker's own DM (upload-paperwork.ts), a note here.
    else if (reply.kind === 'paperwork') await sendPaperwork(rt, client, askerOf(surface), reply, (message) => sendMessage(rt, client, surface, message));
    else await sendMessage(rt, client, surface, renderMessage(reply));
  }
}

function askerOf(surface: Surface): Asker {
  return { userId: surface.userId, thread: surface.kind === 'thread' ? { channel: surface.channel, threadTs: surface.threadTs } : null };
}

/** Send one message; where the bot may not post (not a member, archived, an expired response_url), the person's DM instead. */
export async function sendMessage(rt: SlackRuntime, client: WebClient, surface: Surface, message: SlackMessage): Promise<void> {
  try {
    await deliver(rt, client, surface, message);
  } catch (error) {
    if (!(error instanceof DeliveryError) || error.problem !== 'not-in-channel' || surface.kind === 'dm') throw error;
    const note = surface.kind === 'respond' ? '_(Slack no longer accepted an answer there, so here it is.)_' : '_I could not post in that conversation. Invite me with `/invite @Recert`, or talk to me here._';
    const withNote = fitMessage({ ...message, blocks: [...message.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: note }] }] });
    await deliver(rt, client, { kind: 'dm', userId: surface.userId }, withNote);
  }
}

async function deliver(rt: SlackRuntime, client: WebClient, surface: Surface, message: SlackMessage): Promise<void> {
  switch (surface.kind) {
    case 'respond':
      await callSlack(rt.log, 'response_url', () => rt.respond(surface.responseUrl, { ...message, response_type: surface.share ? 'in_channel' : 'ephemeral', replace_original: surface.replaceOriginal === true }), rt.sleep);
      return;
    case 'thread':
      await callSlack(rt.log, 'chat.postMessage', () => client.chat.postMessage({ channel: surface.channel, thread_ts: surface.threadTs, ...message }), rt.sleep);
      return;
    case 'dm':
      // Posting to a user id opens (or reuses) the DM between the bot and that person.
      await callSlack(rt.log, 'chat.postMessage', () => client.chat.postMessage({ channel: surface.userId, ...message }), rt.sleep);
      return;
  }
}
