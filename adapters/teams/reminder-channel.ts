import { z } from 'zod';
import type { ReminderChannel } from '../../src/index.ts';

const schema = z.object({
  conversation: z.object({ id: z.string().min(1), conversationType: z.string().optional(), name: z.string().optional() }).passthrough(),
  channelData: z.object({ channel: z.object({ name: z.string().optional() }).passthrough().optional(), team: z.object({ name: z.string().optional() }).passthrough().optional() }).passthrough().optional(),
});

/**
 * The conversation a message was typed in, for `remind here …`: a team's channel or a group chat
 * (a personal chat is no channel). A message in a channel's thread carries `;messageid=…` after the
 * channel's id; the address is the channel, so each digest starts its own thread there.
 */
export function reminderChannelOf(activity: unknown): { channel?: ReminderChannel } {
  const parsed = schema.safeParse(activity);
  if (!parsed.success) return {};
  const { conversation, channelData } = parsed.data;
  const type = conversation.conversationType ?? 'personal';
  if (type === 'personal') return {};
  const address = conversation.id.replace(/;messageid=.*$/, '');
  return { channel: { platform: 'teams', address, name: nameOf(type, channelData?.channel?.name ?? conversation.name, channelData?.team?.name) } };
}

function nameOf(type: string, name: string | undefined, team: string | undefined): string {
  if (type !== 'channel') return name ? `the chat ${name}` : 'this group chat';
  // Teams sends no name for a team's General channel.
  const channel = name ? `#${name}` : '#General';
  return team ? `${channel} (${team})` : channel;
}
