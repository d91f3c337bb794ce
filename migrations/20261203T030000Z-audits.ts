import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  // An audit: a seeded random sample of the people in a scope (the organisation or one team),
  // asked for the documentation of their current cycle's entries, until it is closed.
  await db.schema
    .createTable('audits')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    // 'organisation' or 'team:<team id>': at most one open audit per scope (index below).
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id'))
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull().check(sql`percent between 1 and 100`))
    .addColumn('filters', 'jsonb', (c) => c.notNull())
    // The sampled people's ids, in the order the sample drew them.
    .addColumn('sample', 'jsonb', (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('started_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('passed', 'failed')`))
    .addColumn('summary', 'jsonb')
    .execute();
  await sql`create unique index audits_one_open_per_scope on audits (organisation_id, scope_key) where closed_at is null`.execute(db);
  await db.schema.createIndex('audits_org_started_idx').on('audits').columns(['organisation_id', 'started_at']).execute();

  // One row per sampled person × counted entry of their current cycle. Entries with proof on file
  // when the audit starts are answered from the start; the others are requested.
  await db.schema
    .createTable('audit_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('audit_id', 'uuid', (c) => c.notNull().references('audits.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('training_id', 'uuid', (c) => c.notNull().references('trainings.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'answered', 'waived')`))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    // Set when the person pressed "Attach certificate": the next file they send without a target is for this item.
    .addColumn('awaiting_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('audit_items_audit_training_key', ['audit_id', 'training_id'])
    .execute();
  await db.schema.createIndex('audit_items_training_idx').on('audit_items').columns(['organisation_id', 'training_id']).execute();
  await db.schema.createIndex('audit_items_person_idx').on('audit_items').columns(['organisation_id', 'person_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_items').execute();
  await db.schema.dropTable('audits').execute();
}
