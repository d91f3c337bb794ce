import { sql, type Kysely } from 'kysely';

// Frozen in time: no imports from src/.

/**
 * Leftovers 7/10: the certificate-number trigger of 20261204T131700Z ran on an insert and on a change
 * of number only, so a certificate brought back to life (deleted_at set back to null, as an undo
 * may) skipped the check and could make two live holders of one number. The trigger now also runs
 * when deleted_at changes, and checks a row that goes from deleted to live like a new one (same
 * advisory lock, same RC409, same `number_shared_meant` escape). Fee payments need nothing new: the
 * partial unique index `fee_payments_one_live_idx` refuses a restored second live fee already.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function credentials_refuse_shared_number() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        if lower(new.number) = lower(old.number) and not (old.deleted_at is not null and new.deleted_at is null) then
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
  await sql`drop trigger credentials_refuse_shared_number on credentials`.execute(db);
  await sql`create trigger credentials_refuse_shared_number before insert or update of number, deleted_at on credentials
    for each row execute function credentials_refuse_shared_number()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists credentials_refuse_shared_number on credentials`.execute(db);
  await sql`
    create or replace function credentials_refuse_shared_number() returns trigger language plpgsql as $$
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
}
