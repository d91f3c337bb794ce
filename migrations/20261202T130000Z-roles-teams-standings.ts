import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  // Roster: people who left stay (their records are kept) but are no longer active; platform
  // admins (Slack owners and admins, the installer) are Recert admins whatever role was granted;
  // every change to a person's ledger bumps ledger_version (triggers below), which dates standings.
  await db.schema
    .alterTable('people')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('deactivated_at', 'timestamptz')
    .addColumn('platform_admin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('email', 'text')
    .addColumn('ledger_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create unique index teams_org_name_key on teams (organisation_id, lower(name))`.execute(db);

  await db.schema
    .createTable('team_members')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pkey', ['team_id', 'person_id'])
    .execute();
  await db.schema.createIndex('team_members_person_idx').on('team_members').columns(['organisation_id', 'person_id']).execute();

  // A manager limited to teams has a row per team; a manager without rows sees the whole organisation.
  await db.schema
    .createTable('manager_scopes')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addPrimaryKeyConstraint('manager_scopes_pkey', ['person_id', 'team_id'])
    .execute();
  await db.schema.createIndex('manager_scopes_org_idx').on('manager_scopes').columns(['organisation_id', 'person_id']).execute();

  // A person's standing as of ledger_version: what their entries, certificate and fee add up to,
  // without the day-dependent part (expiry), so that an organisation's report need not read every
  // entry. Stale when people.ledger_version has moved on; recomputed then by the same rules.
  await db.schema
    .createTable('standings')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('people.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('standings_org_idx').on('standings').columns(['organisation_id']).execute();
  await db.schema.createIndex('people_org_active_idx').on('people').columns(['organisation_id', 'active']).execute();

  await createVersionTriggers(db);
}

/** Any change to what a standing is made of moves the person's ledger_version on, in the same transaction. */
async function createVersionTriggers(db: Kysely<any>): Promise<void> {
  await sql`
    create function bump_person_ledger() returns trigger language plpgsql as $$
    declare
      who uuid;
    begin
      if tg_table_name = 'training_proofs' then
        select person_id into who from trainings where id = (case when tg_op = 'DELETE' then old.training_id else new.training_id end);
      elsif tg_op = 'DELETE' then
        who := old.person_id;
      else
        who := new.person_id;
      end if;
      update people set ledger_version = ledger_version + 1 where id = who;
      -- (plpgsql resolves every field of a condition, so the table is tested on its own first)
      if tg_table_name <> 'training_proofs' and tg_op = 'UPDATE' then
        if old.person_id <> new.person_id then
          update people set ledger_version = ledger_version + 1 where id = old.person_id;
        end if;
      end if;
      return null;
    end $$`.execute(db);
  for (const table of ['trainings', 'training_proofs', 'fee_payments', 'credentials']) {
    await sql`create trigger ${sql.id(`${table}_bump_ledger`)} after insert or update or delete on ${sql.table(table)}
      for each row execute function bump_person_ledger()`.execute(db);
  }
  // An organisation's own credential rules changing changes everyone's standing.
  await sql`
    create function bump_organisation_ledgers() returns trigger language plpgsql as $$
    begin
      update people set ledger_version = ledger_version + 1
        where organisation_id = (case when tg_op = 'DELETE' then old.organisation_id else new.organisation_id end);
      return null;
    end $$`.execute(db);
  await sql`create trigger credential_types_bump_ledgers after insert or update or delete on credential_types
    for each row execute function bump_organisation_ledgers()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['trainings', 'training_proofs', 'fee_payments', 'credentials']) {
    await sql`drop trigger if exists ${sql.id(`${table}_bump_ledger`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop trigger if exists credential_types_bump_ledgers on credential_types`.execute(db);
  await sql`drop function if exists bump_person_ledger()`.execute(db);
  await sql`drop function if exists bump_organisation_ledgers()`.execute(db);
  for (const table of ['standings', 'manager_scopes', 'team_members', 'teams']) await db.schema.dropTable(table).ifExists().execute();
  await sql`drop index if exists people_org_active_idx`.execute(db);
  await db.schema.alterTable('people').dropColumn('active').dropColumn('deactivated_at').dropColumn('platform_admin').dropColumn('email').dropColumn('ledger_version').execute();
}
