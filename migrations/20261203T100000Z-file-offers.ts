import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

export async function up(db: Kysely<any>): Promise<void> {
  // An export made for one person and offered to them (Teams' file consent card): the bytes wait
  // here until they accept (then they are uploaded once, and the row is marked taken) or decline
  // (deleted), or until it expires. Rows are kept small in number: expired ones are deleted when
  // the person is offered the next file.
  await db.schema
    .createTable('file_offers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('taken_at', 'timestamptz')
    .execute();
  await sql`create index file_offers_person_idx on file_offers (organisation_id, person_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('file_offers').execute();
}
