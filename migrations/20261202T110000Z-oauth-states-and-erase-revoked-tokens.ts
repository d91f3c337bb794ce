import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  // Single-use OAuth states: a state is stored (as its SHA-256) when an install starts and deleted
  // by the callback that uses it, so the same callback cannot be replayed. Platform-level, not a
  // tenant table: nobody's organisation exists yet while an install is in flight.
  await db.schema
    .createTable('oauth_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index oauth_states_expires_idx on oauth_states (expires_at)`.execute(db);

  // Uninstalled Slack installations kept their tokens in clear until now: erase them (every token
  // field of Bolt's Installation, and the incoming-webhook URL, which is a credential too).
  await sql`
    update platform_installations
    set data = data #- '{bot,token}' #- '{bot,refreshToken}' #- '{user,token}' #- '{user,refreshToken}' #- '{incomingWebhook,url}'
    where platform = 'slack' and not active`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Erased tokens cannot come back (they were revoked anyway); only the table goes.
  await db.schema.dropTable('oauth_states').ifExists().execute();
}
