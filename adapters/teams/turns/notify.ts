import { TurnContext, type ConversationReference } from 'botbuilder';
import { findPersonalConversation, saveTeamsConversation, type Reply, type TeamsConversation } from '../../../src/index.ts';
import { openPersonalChat, turnConversations } from '../personal-chat.ts';
import { noteCard } from '../render/note-card.ts';
import { attachmentOf, cardOf, type TeamsRuntime } from '../runtime.ts';
import { escapeMarkdown, type AdaptiveCard } from '../render/adaptive-card.ts';

export type Notice = Extract<Reply, { kind: 'notify' }>;

/** Whom the notices are from: the acting person's organisation and Entra tenant. */
export interface Sender {
  readonly organisationId: string;
  readonly tenantId: string;
}

/**
 * `notify` replies (an audit's request to each sampled person): each goes to its recipient's own
 * personal chat with the bot — the one stored for them, posted through its stored service URL (they
 * may be in another region than the turn), else one opened now with the turn's connector (and
 * stored for next time) — never into the conversation of the person who acted.
 * One attempt each (a post that may have arrived is not sent again). The acting person gets a card
 * saying how many were reached and who could not be, never what was sent to them.
 */
export async function sendNotices(rt: TeamsRuntime, ctx: TurnContext, from: Sender, notices: readonly Notice[]): Promise<AdaptiveCard> {
  const missed: string[] = [];
  for (const notice of notices) {
    const sent = await sendNotice(rt, ctx, from, notice).catch((error: unknown) => {
      rt.log.warn('teams notice not delivered', { person: notice.to.personId, error: error instanceof Error ? error.message : String(error) });
      return false;
    });
    if (!sent) missed.push(notice.to.displayName);
  }
  return summaryCard(notices.length, missed);
}

async function sendNotice(rt: TeamsRuntime, ctx: TurnContext, from: Sender, notice: Notice): Promise<boolean> {
  const aad = notice.to.platformUserId;
  // Added from a roster file by e-mail only: no Teams account is known for them yet.
  if (aad.startsWith('roster:')) return false;
  const stored = await findPersonalConversation(rt.core.db, from.organisationId, aad);
  const activity = { type: 'message', attachments: [attachmentOf(cardOf(rt, notice.message, from.tenantId))] };
  // A stored chat is posted to through its own service URL (the recipient may be in another region than the turn).
  if (stored) {
    await rt.connector.send(storedReference(stored), activity, { armed: false, left: false });
    return true;
  }
  const conversationId = await opened(rt, ctx, from, aad, notice.to.displayName);
  await turnConversations(ctx).sendToConversation(conversationId, activity);
  return true;
}

/** The stored reference, with the row's service URL (the latest Teams gave for that chat) and no activity to reply to. */
function storedReference(stored: TeamsConversation): Partial<ConversationReference> {
  const reference = JSON.parse(stored.reference) as Partial<ConversationReference>;
  return { ...reference, serviceUrl: stored.serviceUrl, conversation: { ...reference.conversation, id: stored.conversationId } as ConversationReference['conversation'], activityId: undefined };
}

/** A personal chat opened for `aad` with the turn's connector, stored so the next notice or reminder goes straight there. */
async function opened(rt: TeamsRuntime, ctx: TurnContext, from: Sender, aad: string, name: string): Promise<string> {
  const conversationId = await openPersonalChat(ctx, { id: aad, name });
  const turn = TurnContext.getConversationReference(ctx.activity);
  const reference: Partial<ConversationReference> = { ...turn, activityId: undefined, user: { id: aad, name }, conversation: { id: conversationId, conversationType: 'personal', tenantId: from.tenantId, isGroup: false, name: '' } };
  const row = { organisationId: from.organisationId, conversationId, conversationType: 'personal', serviceUrl: ctx.activity.serviceUrl, tenantId: from.tenantId, botId: ctx.activity.recipient.id, aadObjectId: aad, reference: JSON.stringify(reference) };
  await saveTeamsConversation(rt.core.db, row, rt.core.clock.now().toJSDate()).catch((error: unknown) => rt.log.warn('teams personal chat not stored', { error: error instanceof Error ? error.message : String(error) }));
  return conversationId;
}

function summaryCard(total: number, missed: readonly string[]): AdaptiveCard {
  const reached = total - missed.length;
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  if (missed.length === 0) return noteCard(`I sent the request privately to ${total === 1 ? 'the person' : `each of the ${people(total)}`}, in their personal chat with Recert.`, 'Good');
  const lead = reached === 0 ? `I couldn't send the request to any of the ${people(total)}.` : `I sent the request privately to ${reached} of the ${people(total)}, in their personal chat with Recert.`;
  return noteCard(`${lead} I couldn't reach ${missed.map(escapeMarkdown).join(', ')}: ask them to open a chat with Recert (Apps → Recert), then "audit remind" sends the request again.`, 'Warning');
}
