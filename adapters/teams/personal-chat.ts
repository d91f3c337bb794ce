import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';

/** The part of botframework-connector's ConnectorClient (on every turn) this needs. */
interface Conversations {
  readonly conversations: {
    createConversation(parameters: ConversationParameters): Promise<{ id: string }>;
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<unknown>;
  };
}

/**
 * Send activities to the acting person's personal chat with the bot, from a turn in a channel or
 * group chat: the conversation is created with the turn's own connector (same service URL and
 * credentials) — for a 1:1 chat with a bot, Teams answers with the existing chat when there is one
 * — then each activity is posted there. Kept apart from the reminders' outbound port
 * (adapters/teams/outbound.ts), which posts without a turn, from a stored reference.
 */
export async function sendToPersonalChat(ctx: TurnContext, activities: readonly Partial<Activity>[]): Promise<string> {
  const connector = ctx.turnState.get<Conversations | undefined>(ctx.adapter.ConnectorClientKey);
  if (!connector) throw new Error('no connector client on the turn: cannot open a personal chat');
  const tenantId = ctx.activity.conversation.tenantId ?? (ctx.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const created = await connector.conversations.createConversation({
    isGroup: false,
    bot: ctx.activity.recipient,
    members: [{ id: ctx.activity.from.id, name: ctx.activity.from.name }],
    ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
  } as ConversationParameters);
  for (const activity of activities) await connector.conversations.sendToConversation(created.id, { type: 'message', ...activity });
  return created.id;
}
