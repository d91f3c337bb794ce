import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

/**
 * The reminder planner reads the people due a nudge across organisations in one query per table
 * (`organisation_id in (…) and person_id in (…)`). On the (organisation_id, person_id, …) indexes
 * PostgreSQL 15 probes every organisation × person pair, so it chose sequential scans of
 * credentials (1M rows: 260 ms) and trainings; these person-led indexes serve the lookup with one
 * probe per person (docs/benchmarks.md, Reminders).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index credentials_person_live_idx on credentials (person_id) where deleted_at is null`.execute(db);
  await sql`create index trainings_person_live_idx on trainings (person_id) where deleted_at is null`.execute(db);
  await sql`create index team_members_person_only_idx on team_members (person_id)`.execute(db);
  await sql`create index reminder_snoozes_person_only_idx on reminder_snoozes (person_id, until_date)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['reminder_snoozes_person_only_idx', 'team_members_person_only_idx', 'trainings_person_live_idx', 'credentials_person_live_idx']) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
}
