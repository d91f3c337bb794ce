import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  // Where Recert may post in Teams: the conversation reference of each install (personal chat, a
  // team's channel, a group chat), kept so reminders can be sent proactively. One row per
  // organisation (= Entra tenant) and conversation; uninstalling marks it inactive.
  await db.schema
    .createTable('teams_conversations')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    // personal | channel | groupChat, as Teams says (conversation.conversationType).
    .addColumn('conversation_type', 'text', (c) => c.notNull())
    .addColumn('service_url', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('bot_id', 'text', (c) => c.notNull())
    // The person of a personal chat (their Entra object id); null for channels and group chats.
    .addColumn('aad_object_id', 'text')
    // botbuilder's ConversationReference as it came (JSON text), for continueConversationAsync.
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('teams_conversations_pkey', ['organisation_id', 'conversation_id'])
    .execute();
  await sql`create index teams_conversations_person_idx on teams_conversations (organisation_id, aad_object_id) where aad_object_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('teams_conversations').execute();
}
