import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  // The transactional inbox: every delivery a platform sends (an event, a command, a click) is
  // stored here before it is acknowledged, then processed once. Platform-level, like
  // platform_installations: the organisation may not exist yet when the first message arrives.
  await db.schema
    .createTable('inbound_deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    // The platform's id of the delivery (event id, trigger id, view id and hash…): unique per platform.
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The platform's ids of the workspace (team or enterprise) and the person, as sent.
    .addColumn('tenant_key', 'text', (c) => c.notNull())
    .addColumn('user_key', 'text')
    // JSON as text, not jsonb: jsonb cannot hold the escaped NUL (\u0000) a person may have typed,
    // and what was acknowledged must be stored as it came (the core then refuses it in words).
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    // pending → processing → replying → finished; a failed effect goes to replying with a notice.
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'processing', 'replying', 'finished')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // Not to be taken before this instant: a retry's back-off, or the end of a worker's lease.
    .addColumn('available_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_token', 'uuid')
    // What to tell the person, stored with the effect in one transaction; sent after the commit.
    .addColumn('outcome', 'text')
    .addColumn('failed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('last_error', 'text')
    .addColumn('processed_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addUniqueConstraint('inbound_deliveries_platform_delivery_key', ['platform', 'delivery_id'])
    .execute();
  // Workers take the oldest due delivery that is not finished; finished rows are not indexed here.
  await sql`create index inbound_deliveries_due_idx on inbound_deliveries (available_at, id) where status <> 'finished'`.execute(db);
  // Housekeeping removes finished deliveries past the platforms' retry windows.
  await sql`create index inbound_deliveries_finished_idx on inbound_deliveries (finished_at) where status = 'finished'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbound_deliveries').ifExists().execute();
}
