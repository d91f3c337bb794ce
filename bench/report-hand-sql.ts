import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import type { CredentialRules } from '../src/domain/credential-rules.ts';

/** One person's answer as the hand-written SQL gives it: state, credit, certificate and the reasons' codes. */
export interface HandRow {
  readonly person_id: string;
  readonly state: 'compliant' | 'at_risk' | 'out_of_compliance';
  readonly earned: string;
  readonly number: string | null;
  readonly expires_on: string | null;
  readonly days_left: number | null;
  readonly codes: string[];
}

/**
 * The organisation's report in one statement, from the raw tables (no stored standings): each
 * active person's current certificate and "today" in their zone, their live entries of the
 * credential sorted into counted / outside the cycle / duplicate / needing review / unregistered
 * exactly as `assessLedger` does (the first creditable in-cycle entry of a course counts; a later
 * one is a duplicate), proof counts and the fee for the current certificate — for one set of
 * rules, given as parameters (the bench's organisation has no rules of its own).
 */
export async function handWrittenReport(db: Db, organisationId: string, now: Date, rules: CredentialRules): Promise<HandRow[]> {
  const registration = rules.registrationRequiredKinds.length ? rules.registrationRequiredKinds : ['-'];
  const result = await sql<HandRow>`
    with p as (
      select p.id, (${now}::timestamptz at time zone coalesce(p.time_zone, o.time_zone))::date as today
      from people p join organisations o on o.id = p.organisation_id
      where p.organisation_id = ${organisationId} and p.active
    ), cur as (
      select distinct on (c.person_id) c.person_id, c.id, c.number, c.issued_on, c.expires_on
      from credentials c
      where c.organisation_id = ${organisationId} and c.deleted_at is null
      order by c.person_id, c.issued_on desc, c.created_at desc
    ), t as (
      select t.person_id, t.title_key, t.completed_on, t.seq, t.credit,
        (cur.person_id is null or (t.completed_on >= cur.issued_on and t.completed_on < cur.expires_on)) as in_cycle,
        (t.credit is not null and (t.kind <> all(${registration}::text[]) or t.registered is true)) as creditable,
        (select count(*) from training_proofs tp where tp.organisation_id = ${organisationId} and tp.training_id = t.id and tp.removed_at is null) as proofs
      from trainings t left join cur on cur.person_id = t.person_id
      where t.organisation_id = ${organisationId} and t.deleted_at is null and t.credential_code = ${rules.code}
    ), firsts as (
      select t.*,
        first_value(in_cycle and creditable) over w as f_ok, first_value(completed_on) over w as f_on, first_value(seq) over w as f_seq,
        count(*) filter (where in_cycle) over (partition by person_id, title_key) as in_cycle_of_course
      from t
      window w as (partition by person_id, title_key order by (in_cycle and creditable) desc, completed_on, seq)
    ), sorted as (
      select person_id, credit, proofs, in_cycle_of_course, in_cycle,
        in_cycle and creditable and (completed_on, seq) = (f_on, f_seq) as counted,
        in_cycle and f_ok and (completed_on, seq) > (f_on, f_seq) as duplicate,
        in_cycle and not creditable and not (f_ok and (completed_on, seq) > (f_on, f_seq)) and credit is null as review,
        in_cycle and not creditable and not (f_ok and (completed_on, seq) > (f_on, f_seq)) and credit is not null as unregistered
      from firsts
    ), ledger as (
      select person_id,
        coalesce(sum(credit) filter (where counted), 0) as earned,
        bool_or(counted and proofs = 0) as proof_missing,
        bool_or(in_cycle and in_cycle_of_course > 1) as duplicates,
        bool_or(review) as review,
        bool_or(unregistered) as unregistered
      from sorted group by person_id
    ), joined as (
      select p.id as person_id, p.today, cur.number, cur.issued_on, cur.expires_on, coalesce(l.earned, 0) as earned,
        coalesce(l.proof_missing, false) as proof_missing, coalesce(l.duplicates, false) as duplicates,
        coalesce(l.review, false) as review, coalesce(l.unregistered, false) as unregistered,
        exists (select 1 from fee_payments f where f.organisation_id = ${organisationId} and f.credential_id = cur.id and f.deleted_at is null) as fee_paid
      from p left join cur on cur.person_id = p.id left join ledger l on l.person_id = p.id
    )
    select person_id, number, expires_on::text, earned::text, (expires_on - today) as days_left,
      case
        when number is null or today >= expires_on or today < issued_on then 'out_of_compliance'
        when earned < ${rules.requiredCredit} or ${rules.feeCents !== null} and not fee_paid or proof_missing then 'at_risk'
        else 'compliant'
      end as state,
      array_remove(array[
        case when number is null then 'no-credential' end,
        case when today >= expires_on then 'certificate-expired' end,
        case when today < issued_on then 'certificate-not-yet-valid' end,
        case when today < expires_on and today >= issued_on and expires_on - today <= ${rules.expiringSoonDays} then 'certificate-expiring' end,
        case when number is not null and earned < ${rules.requiredCredit} then 'credit-short' end,
        case when number is not null and ${rules.feeCents !== null} and not fee_paid then 'fee-unpaid' end,
        case when number is not null and proof_missing then 'proof-missing' end,
        case when number is not null and duplicates then 'duplicate-course' end,
        case when number is not null and review then 'needs-review' end,
        case when number is not null and unregistered then 'registration-missing' end
      ], null) as codes
    from joined`.execute(db);
  return result.rows;
}

/**
 * The floor for the report as Recert computes it: the one query that reads every active person's
 * stored standing (what the report then applies the day to), rows fetched and JSON parsed.
 */
export async function storedStandingsRead(db: Db, organisationId: string): Promise<number> {
  const result = await sql<{ id: string; summary: unknown }>`
    select p.id, p.platform_user_id, p.display_name, p.time_zone, p.ledger_version, s.version, s.summary
    from people p left join standings s on s.person_id = p.id and s.organisation_id = ${organisationId}
    where p.organisation_id = ${organisationId} and p.active`.execute(db);
  return result.rows.length;
}

/** The floor for the report as Recert now reads it: every active person's report columns (no summary JSON), one query. */
export async function storedLinesRead(db: Db, organisationId: string): Promise<number> {
  const result = await sql<{ id: string }>`
    select p.id, p.platform_user_id, p.display_name, p.time_zone, p.ledger_version, s.version, s.format,
      s.cert_number, s.issued_on, s.expires_on, s.expiring_soon_days, s.earned, s.required, s.fee_paid, s.ledger_codes
    from people p left join standings s on s.person_id = p.id and s.organisation_id = ${organisationId}
    where p.organisation_id = ${organisationId} and p.active`.execute(db);
  return result.rows.length;
}
