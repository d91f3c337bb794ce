import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await createTargets(db);
  await createSettingsAndDigests(db);
  await createLedger(db);
  await createSnapshots(db);
  // The planner finds certificates by expiry day across organisations: an index, not a scan.
  await sql`create index credentials_expires_live_idx on credentials (expires_on, organisation_id) where deleted_at is null`.execute(db);
}

/** Where nudges go besides people's DMs: channels (and, later, Teams conversations) that subscribed. */
async function createTargets(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reminder_targets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    // The platform's address: a Slack channel id; a Teams conversation reference (JSON text).
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // The subscription (days before, send time, weekdays, zone, team, private mode) as validated JSON.
    .addColumn('subscription', 'jsonb', (c) => c.notNull())
    // Off (`remind off`), or stopped by a permanent platform error (bot removed, channel archived).
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('inactive_reason', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('reminder_targets_address_key', ['organisation_id', 'platform', 'address'])
    .execute();
  await sql`create index reminder_targets_active_idx on reminder_targets (organisation_id) where active`.execute(db);
}

async function createSettingsAndDigests(db: Kysely<any>): Promise<void> {
  // The organisation's default policy for people's DMs (null: DMs off); absent row: the default.
  await db.schema
    .createTable('reminder_settings')
    .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('dm_policy', 'jsonb')
    // Planning has covered every step due up to this instant (the next run plans from here).
    .addColumn('planned_through', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // A manager's opt-in weekly digest: weekday (1 = Monday … 7 = Sunday, ISO) and local time.
  await db.schema
    .createTable('manager_digests')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('people.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index manager_digests_org_idx on manager_digests (organisation_id) where active`.execute(db);
  // A person's snooze (3 days from a DM's button): kept as history, shown to managers.
  await db.schema
    .createTable('reminder_snoozes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    // The last local day (in the person's zone) no nudge is sent, inclusive.
    .addColumn('until_date', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reminder_snoozes_person_idx').on('reminder_snoozes').columns(['organisation_id', 'person_id', 'until_date']).execute();
}

/**
 * The delivery ledger: one row per nudge ever planned, unique by key (target, certificate or
 * digest, cycle, step), so planning twice — two processes, a restart — inserts nothing new.
 * pending → sending (committed before the platform is called) → sent | failed | unknown;
 * skipped when the state checked again at send time says nobody needs it any more.
 */
async function createLedger(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('target_id', 'uuid', (c) => c.references('reminder_targets.id'))
    .addColumn('person_id', 'uuid', (c) => c.references('people.id'))
    // What was planned (people, their certificates and steps) as JSON; the words are made at send time.
    .addColumn('plan', 'jsonb', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed', 'unknown', 'skipped')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // Not to be tried before this instant: a 429's Retry-After, a channel's pace.
    .addColumn('available_at', 'timestamptz', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('planned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sending_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addUniqueConstraint('reminder_deliveries_key', ['organisation_id', 'key'])
    .execute();
  await sql`create index reminder_deliveries_due_idx on reminder_deliveries (available_at, id) where status = 'pending'`.execute(db);
  await sql`create index reminder_deliveries_open_idx on reminder_deliveries (organisation_id, status) where status in ('pending', 'sending', 'unknown', 'failed')`.execute(db);
  await sql`create index reminder_deliveries_finished_idx on reminder_deliveries (finished_at) where status in ('sent', 'skipped')`.execute(db);
}

/** An organisation's counts once per ISO week (the latest run of the week wins): the manager digest's chart. */
async function createSnapshots(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('compliance_snapshots')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    // Monday of the ISO week, in the organisation's zone.
    .addColumn('week_start', 'date', (c) => c.notNull())
    .addColumn('compliant', 'integer', (c) => c.notNull())
    .addColumn('at_risk', 'integer', (c) => c.notNull())
    .addColumn('out_of_compliance', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_snapshots_pkey', ['organisation_id', 'week_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists credentials_expires_live_idx`.execute(db);
  for (const table of ['compliance_snapshots', 'reminder_deliveries', 'reminder_snoozes', 'manager_digests', 'reminder_settings', 'reminder_targets']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
