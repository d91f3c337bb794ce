import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must keep working whatever src/ becomes. No imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('organisations_platform_external_id_key', ['platform', 'external_id'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('platform_user_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('scribe', 'manager', 'admin')`))
    .addColumn('next_seq', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('greeted_at', 'timestamptz')
    .addUniqueConstraint('people_org_user_key', ['organisation_id', 'platform_user_id'])
    .execute();

  await db.schema
    .createTable('credential_types')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('credential_types_pkey', ['organisation_id', 'code'])
    .execute();

  await db.schema
    .createTable('credentials')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('expires_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addCheckConstraint('credentials_dates_check', sql`expires_on > issued_on`)
    .execute();
  await db.schema.createIndex('credentials_person_idx').on('credentials').columns(['organisation_id', 'person_id', 'issued_on']).execute();

  await createTrainings(db);
  await createProofs(db);
  await createFeesDraftsAudit(db);
}

async function createTrainings(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trainings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('credential_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wbt', 'npc', 'webinar', 'event', 'other')`))
    .addColumn('completed_on', 'date', (c) => c.notNull())
    // Whole minutes; 0 and lengths beyond the credit table are kept and flagged for review.
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes >= 0`))
    .addColumn('minutes_source', 'text', (c) => c.notNull())
    .addColumn('credit', sql`numeric(5, 2)`)
    .addColumn('index_number', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('registered', 'boolean')
    .addColumn('how_computed', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('original_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addUniqueConstraint('trainings_person_seq_key', ['organisation_id', 'person_id', 'seq'])
    .execute();
  await db.schema.createIndex('trainings_person_idx').on('trainings').columns(['organisation_id', 'person_id', 'completed_on']).execute();
}

async function createProofs(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proof_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull().check(sql`media_type in ('application/pdf', 'image/png', 'image/jpeg')`))
    // Bytes; the 10 MB cap (10 485 760 bytes) is enforced here as well as in the core.
    .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes > 0 and size_bytes <= 10485760`))
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('proof_files_org_sha_key', ['organisation_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('training_proofs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('training_id', 'uuid', (c) => c.notNull().references('trainings.id'))
    .addColumn('proof_file_id', 'uuid', (c) => c.notNull().references('proof_files.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('attached_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('attached_at', 'timestamptz', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .execute();
  // One live link per file and entry; a removed link may be attached again.
  await sql`create unique index training_proofs_live_key on training_proofs (organisation_id, training_id, proof_file_id) where removed_at is null`.execute(db);
}

async function createFeesDraftsAudit(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fee_payments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('credential_id', 'uuid', (c) => c.notNull().references('credentials.id'))
    .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('drafts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'confirmed', 'cancelled')`))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('training_id', 'uuid', (c) => c.references('trainings.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drafts_person_idx').on('drafts').columns(['organisation_id', 'person_id', 'status', 'updated_at']).execute();

  await createAudit(db);

  await db.schema
    .createTable('processed_inbound')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('inbound_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('processed_inbound_pkey', ['source', 'inbound_id'])
    .execute();
}

async function createAudit(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('actor_person_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('undoes_event_id', 'bigint', (c) => c.references('audit_events.id'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // An event can be undone once: two concurrent "undo"s cannot both claim it.
  await sql`create unique index audit_events_undoes_key on audit_events (undoes_event_id) where undoes_event_id is not null`.execute(db);
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').columns(['organisation_id', 'actor_person_id', 'id']).execute();
  // Append-only, enforced by the database: no UPDATE, DELETE or TRUNCATE, whoever connects.
  await sql`
    create function audit_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger audit_events_no_update_delete before update or delete on audit_events
    for each row execute function audit_events_refuse_change()`.execute(db);
  await sql`create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_refuse_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['processed_inbound', 'audit_events', 'drafts', 'fee_payments', 'training_proofs', 'proof_files', 'trainings', 'credentials', 'credential_types', 'people', 'organisations']) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
  await sql`drop function if exists audit_events_refuse_change()`.execute(db);
}
