import type { Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  // When the bot last reminded the person of this open preview (null: never), so a preview left
  // waiting (across a restart too) is mentioned once the next time they speak, not on every message.
  await db.schema.alterTable('drafts').addColumn('reminded_at', 'timestamptz').execute();
  // The person's answer to "is this a CMS/MLN training?" when nothing in the text said so:
  // null = the text named CMS/MLN (or the entry predates the question); true = confirmed by the person.
  await db.schema.alterTable('trainings').addColumn('cms_confirmed', 'boolean').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('trainings').dropColumn('cms_confirmed').execute();
  await db.schema.alterTable('drafts').dropColumn('reminded_at').execute();
}
