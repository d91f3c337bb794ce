/**
 * The chat report's page as it was read before the page-speed pass (commit a63da48), kept so the
 * probe can time it side by side with today's in one run: a zones-and-stale query, then the page
 * statement over the standings' heap (text dates cast per row, a window over every listed person).
 * Only the default report (people with a gap, no team scope) is kept.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';

export async function pageBefore(db: Db, organisationId: string, todayOfZone: (zone: string) => string, page: number, pageSize: number): Promise<number> {
  const known = await sql<{ zone: string; ids: string[] }>`
    select coalesce(p.time_zone, '') as zone,
      coalesce(array_agg(p.id::text) filter (where s.person_id is null or s.version <> p.ledger_version or s.format is distinct from 1 or s.state_during is null), '{}') as ids
    from people p left join standings s on s.person_id = p.id and s.organisation_id = ${organisationId}
    where p.organisation_id = ${organisationId} and p.active
    group by 1`.execute(db);
  const zones = known.rows.map((r) => r.zone);
  const todays = zones.map(todayOfZone);
  const result = await sql<{ id: string | null }>`
    with lines as (
      select p.id, p.platform_user_id, p.display_name, p.time_zone, s.issued_on, s.expires_on, s.ledger_codes, s.state_before, s.state_during, s.state_after,
        (${todays}::text[])[array_position(${zones}::text[], coalesce(p.time_zone, ''))] as today
      from people p
      join standings s on s.person_id = p.id and s.organisation_id = ${organisationId}
      where p.organisation_id = ${organisationId} and p.active and s.state_during is not null
    ),
    dated as (
      select l.*,
        case when l.expires_on is null or l.issued_on is null then l.state_during
          when l.today < l.issued_on then l.state_before
          when l.today >= l.expires_on then l.state_after
          else l.state_during end as state,
        case when l.expires_on is null or l.issued_on is null then 0 else l.expires_on::date - l.today::date end as days_left
      from lines l where l.today is not null
    ),
    keyed as materialized (
      select id, platform_user_id, display_name, time_zone, state, days_left, state <> 'compliant' as listed,
        case when expires_on is null or issued_on is null then 1 when days_left <= 0 then 0 when today < issued_on then 2 else 3 end as grp
      from dated
    ),
    current as (
      select count(*) filter (where state = 'compliant') as compliant, count(*) filter (where state = 'at_risk') as at_risk,
        count(*) filter (where state = 'out_of_compliance') as out_of_compliance, count(*) as total, count(*) filter (where listed) as listed
      from keyed
    ),
    paged as (select c.*, least(greatest(1, ${page}::int), greatest(1, ceil(c.listed / ${pageSize}::numeric)::int)) as page from current c),
    at as (select p.*, (p.page - 1) * ${pageSize}::int + 1 as first_rn, least(p.page * ${pageSize}::int, p.listed) as last_rn from paged p),
    ranked as materialized (select id, platform_user_id, display_name, time_zone, grp, days_left, row_number() over (order by grp, days_left) as rn from keyed where listed),
    edges as (
      select max(r.grp) filter (where r.rn = a.first_rn) as first_grp, max(r.days_left) filter (where r.rn = a.first_rn) as first_days,
        max(r.grp) filter (where r.rn = a.last_rn) as last_grp, max(r.days_left) filter (where r.rn = a.last_rn) as last_days
      from ranked r, at a where r.rn in (a.first_rn, a.last_rn)
    ),
    near as (select r.* from ranked r, edges e where (r.grp, r.days_left) >= (e.first_grp, e.first_days) and (r.grp, r.days_left) <= (e.last_grp, e.last_days))
    select a.compliant, a.at_risk, a.out_of_compliance, a.total, a.listed, a.page,
      n.id, n.platform_user_id, n.display_name, n.time_zone, n.grp, n.days_left, n.rn
    from at a left join near n on true`.execute(db);
  return result.rows.length;
}
