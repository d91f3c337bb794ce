import type { ConversationParameters, ConversationReference } from 'botbuilder';
import { findLatestConversation, findPersonalConversation, findTeamsConversation, type Db, type OutboundAddress, type TeamsConversation } from '../../../src/index.ts';

/** Teams' global service URL, for a tenant with nothing stored yet (the connector redirects to the tenant's region). */
export const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Where a reminder goes: a stored conversation, a personal chat to create first, or nowhere any more. */
export type Where =
  | { readonly kind: 'stored'; readonly reference: Partial<ConversationReference> }
  | { readonly kind: 'create'; readonly serviceUrl: string; readonly parameters: ConversationParameters }
  | { readonly kind: 'gone'; readonly error: string };

/**
 * A channel: its stored reference (the bot installed there), else — another channel of an
 * installed team, subscribed with `remind here` — the tenant's latest reference with this
 * conversation id. A conversation marked inactive (uninstalled, or a 403/404 before) is gone.
 */
export async function whereChannel(db: Db, to: Extract<OutboundAddress, { kind: 'channel' }>): Promise<Where> {
  const own = await findTeamsConversation(db, to.organisationId, to.address);
  if (own && !own.active) return { kind: 'gone', error: 'the bot was removed from this conversation' };
  const base = own ?? (await findLatestConversation(db, to.organisationId));
  if (!base) return { kind: 'gone', error: 'Recert is not installed in this Teams tenant' };
  return { kind: 'stored', reference: proactive(base, to.address) };
}

/** A person: their personal chat when stored, else one to create with the tenant's service URL and bot. */
export async function wherePerson(db: Db, to: Extract<OutboundAddress, { kind: 'person' }>, botId: string): Promise<Where> {
  const personal = await findPersonalConversation(db, to.organisationId, to.platformUserId);
  if (personal) return { kind: 'stored', reference: proactive(personal, personal.conversationId) };
  if (to.platformUserId.startsWith('roster:')) return { kind: 'gone', error: 'no Teams account yet (added from a roster file by e-mail)' };
  const tenant = await findLatestConversation(db, to.organisationId);
  return {
    kind: 'create',
    serviceUrl: tenant?.serviceUrl ?? DEFAULT_SERVICE_URL,
    parameters: {
      isGroup: false,
      bot: { id: tenant?.botId ?? botId, name: 'Recert' },
      // Teams takes the Entra object id as the member's id when creating a personal chat.
      members: [{ id: to.platformUserId, name: '' }],
      tenantId: to.tenantKey,
      channelData: { tenant: { id: to.tenantKey } },
    } as ConversationParameters,
  };
}

/**
 * A stored reference made proactive: the latest service URL, this conversation (a channel's id
 * without `;messageid=`, so the post starts its own thread), and no activity to reply to.
 */
function proactive(row: TeamsConversation, conversationId: string): Partial<ConversationReference> {
  const stored = JSON.parse(row.reference) as Partial<ConversationReference>;
  const conversation = { ...(stored.conversation ?? {}), id: conversationId, tenantId: row.tenantId } as ConversationReference['conversation'];
  return { ...stored, activityId: undefined, serviceUrl: row.serviceUrl, channelId: 'msteams', bot: stored.bot ?? { id: row.botId, name: 'Recert' }, conversation };
}
