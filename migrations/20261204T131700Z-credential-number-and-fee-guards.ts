import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

/**
 * Issue 10: a typed certificate number and fee are checked by the use cases before they are saved,
 * but two sends at the same moment both passed the check. The database now holds the line:
 *
 * - A certificate number (any case) another person in the organisation holds live is refused by a
 *   trigger, unless the row says the person confirmed it (`number_shared_meant`, "cert … anyway").
 *   The trigger takes a transaction-scoped advisory lock on (organisation, number) first, so of two
 *   concurrent inserts the second waits for the first to commit and then sees it (READ COMMITTED:
 *   each statement of a volatile function reads a fresh snapshot). SQLSTATE RC409 names the refusal.
 * - One live fee payment per certificate: a partial unique index. Live duplicates left by the old
 *   race (none are expected) are kept but marked deleted, all but the earliest, so the index builds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table credentials add column number_shared_meant boolean not null default false`.execute(db);
  await sql`
    create function credentials_refuse_shared_number() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        if lower(new.number) = lower(old.number) then
          return new;
        end if;
      end if;
      perform pg_advisory_xact_lock(hashtextextended('recert.credential-number:' || new.organisation_id::text || ':' || lower(new.number), 0));
      if new.number_shared_meant or new.deleted_at is not null then
        return new;
      end if;
      if exists (
        select 1 from credentials c
        where c.organisation_id = new.organisation_id and c.person_id <> new.person_id
          and c.deleted_at is null and lower(c.number) = lower(new.number)
      ) then
        raise exception 'certificate number % is held by another person in the organisation', new.number using errcode = 'RC409';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger credentials_refuse_shared_number before insert or update of number on credentials
    for each row execute function credentials_refuse_shared_number()`.execute(db);
  await sql`create index credentials_org_number_live_idx on credentials (organisation_id, lower(number)) where deleted_at is null`.execute(db);

  await sql`
    update fee_payments f set deleted_at = f.created_at
    where f.deleted_at is null and exists (
      select 1 from fee_payments e
      where e.organisation_id = f.organisation_id and e.credential_id = f.credential_id and e.deleted_at is null
        and (e.created_at, e.id) < (f.created_at, f.id)
    )`.execute(db);
  await sql`create unique index fee_payments_one_live_idx on fee_payments (organisation_id, credential_id) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists fee_payments_one_live_idx`.execute(db);
  await sql`drop index if exists credentials_org_number_live_idx`.execute(db);
  await sql`drop trigger if exists credentials_refuse_shared_number on credentials`.execute(db);
  await sql`drop function if exists credentials_refuse_shared_number()`.execute(db);
  await sql`alter table credentials drop column if exists number_shared_meant`.execute(db);
}
