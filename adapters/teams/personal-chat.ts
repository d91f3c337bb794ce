import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';

/** The part of botframework-connector's ConnectorClient (on every turn) this needs. */
export interface TurnConversations {
  createConversation(parameters: ConversationParameters): Promise<{ id: string }>;
  sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<unknown>;
}

/** The turn's own connector (same service URL and credentials as the activity being answered). */
export function turnConversations(ctx: TurnContext): TurnConversations {
  const connector = ctx.turnState.get<{ conversations: TurnConversations } | undefined>(ctx.adapter.ConnectorClientKey);
  if (!connector) throw new Error('no connector client on the turn: cannot open a personal chat');
  return connector.conversations;
}

/**
 * Open (or find: for a 1:1 chat with a bot Teams answers with the existing one) the personal chat
 * between the bot and `member` (a `29:` id, or an Entra object id, which Teams accepts too) in the
 * turn's tenant; its conversation id.
 */
export async function openPersonalChat(ctx: TurnContext, member: { readonly id: string; readonly name?: string }): Promise<string> {
  const tenantId = ctx.activity.conversation.tenantId ?? (ctx.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const created = await turnConversations(ctx).createConversation({
    isGroup: false,
    bot: ctx.activity.recipient,
    members: [{ id: member.id, name: member.name ?? '' }],
    ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
  } as ConversationParameters);
  return created.id;
}

/**
 * Send activities to the acting person's personal chat with the bot, from a turn in a channel or
 * group chat, with the turn's own connector; then each activity is posted there. Kept apart from
 * the reminders' outbound port (adapters/teams/outbound.ts), which posts without a turn, from a
 * stored reference.
 */
export async function sendToPersonalChat(ctx: TurnContext, activities: readonly Partial<Activity>[]): Promise<string> {
  const id = await openPersonalChat(ctx, { id: ctx.activity.from.id, name: ctx.activity.from.name });
  const conversations = turnConversations(ctx);
  for (const activity of activities) await conversations.sendToConversation(id, { type: 'message', ...activity });
  return id;
}
