import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  // A platform installation (a Slack workspace or Enterprise Grid org). Platform-level, not a tenant
  // row: one org-wide install serves several workspaces, each its own organisation.
  await db.schema
    .createTable('platform_installations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('platform', 'text', (c) => c.notNull())
    // `team:T123`, or `enterprise:E123` for an org-wide install.
    .addColumn('installation_key', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('installed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deactivated_at', 'timestamptz')
    .addUniqueConstraint('platform_installations_key', ['platform', 'installation_key'])
    .execute();

  // Where a draft's conversation lives (e.g. a Slack channel and thread), so a file shared in that
  // thread finds its entry. Opaque to the core.
  await db.schema.alterTable('drafts').addColumn('anchor', 'text').execute();
  await sql`create index drafts_anchor_idx on drafts (organisation_id, anchor) where anchor is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists drafts_anchor_idx`.execute(db);
  await db.schema.alterTable('drafts').dropColumn('anchor').execute();
  await db.schema.dropTable('platform_installations').ifExists().execute();
}
