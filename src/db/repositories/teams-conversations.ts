import type { Db } from '../connection.ts';

/** A Teams conversation the bot was installed in, as stored for proactive posts. */
export interface TeamsConversation {
  readonly organisationId: string;
  readonly conversationId: string;
  readonly conversationType: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
  readonly aadObjectId: string | null;
  /** botbuilder's ConversationReference, as JSON text (opaque to the core). */
  readonly reference: string;
  readonly active: boolean;
}

/** Store (or refresh, reactivating) an install's conversation reference; the latest service URL wins. */
export async function saveTeamsConversation(db: Db, c: Omit<TeamsConversation, 'active'>, now: Date): Promise<void> {
  const row = {
    organisation_id: c.organisationId,
    conversation_id: c.conversationId,
    conversation_type: c.conversationType,
    service_url: c.serviceUrl,
    tenant_id: c.tenantId,
    bot_id: c.botId,
    aad_object_id: c.aadObjectId,
    reference: c.reference,
    active: true,
    updated_at: now,
  };
  const { organisation_id: _o, conversation_id: _c, ...changes } = row;
  await db
    .insertInto('teams_conversations')
    .values(row)
    .onConflict((oc) => oc.columns(['organisation_id', 'conversation_id']).doUpdateSet(changes))
    .execute();
}

/** Uninstalled (or the bot removed): no more posts there until it is installed again. */
export async function deactivateTeamsConversation(db: Db, organisationId: string, conversationId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('teams_conversations')
    .set({ active: false, updated_at: now })
    .where('teams_conversations.organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findTeamsConversation(db: Db, organisationId: string, conversationId: string): Promise<TeamsConversation | undefined> {
  const row = await db.selectFrom('teams_conversations').selectAll().where('teams_conversations.organisation_id', '=', organisationId).where('conversation_id', '=', conversationId).executeTakeFirst();
  return row && toConversation(row);
}

/** The person's personal chat with the bot, when one is stored and active. */
export async function findPersonalConversation(db: Db, organisationId: string, aadObjectId: string): Promise<TeamsConversation | undefined> {
  const row = await db
    .selectFrom('teams_conversations')
    .selectAll()
    .where('teams_conversations.organisation_id', '=', organisationId)
    .where('aad_object_id', '=', aadObjectId)
    .where('conversation_type', '=', 'personal')
    .where('active', '=', true)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row && toConversation(row);
}

/**
 * The organisation's most recently refreshed active conversation: its service URL and bot id are
 * the tenant's, for a post to a channel of an installed team or a personal chat not stored yet.
 */
export async function findLatestConversation(db: Db, organisationId: string): Promise<TeamsConversation | undefined> {
  const row = await db.selectFrom('teams_conversations').selectAll().where('teams_conversations.organisation_id', '=', organisationId).where('active', '=', true).orderBy('updated_at', 'desc').executeTakeFirst();
  return row && toConversation(row);
}

function toConversation(row: { organisation_id: string; conversation_id: string; conversation_type: string; service_url: string; tenant_id: string; bot_id: string; aad_object_id: string | null; reference: string; active: boolean }): TeamsConversation {
  return {
    organisationId: row.organisation_id,
    conversationId: row.conversation_id,
    conversationType: row.conversation_type,
    serviceUrl: row.service_url,
    tenantId: row.tenant_id,
    botId: row.bot_id,
    aadObjectId: row.aad_object_id,
    reference: row.reference,
    active: row.active,
  };
}
