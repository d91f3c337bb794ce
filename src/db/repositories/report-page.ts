import { sql, type RawBuilder } from 'kysely';
import type { ComplianceState } from '../../domain/compliance-types.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { SUMMARY_FORMAT } from '../../domain/standing-summary.ts';
import type { Db } from '../connection.ts';

/** The zones an organisation's active people are in ('' for "the organisation's"), and the people whose stored standing is stale. */
export interface ZonesAndStale {
  readonly zones: readonly string[];
  readonly stale: readonly { readonly personId: string; readonly ledgerVersion: string }[];
}

/**
 * One small query: the zones to work "today" out for, and who has no current standing with its
 * day states (never computed, their ledger moved on, an older format, or written before the states).
 */
export async function zonesAndStale(db: Db, organisationId: string): Promise<ZonesAndStale> {
  const result = await sql<{ zone: string; ids: string[]; versions: string[] }>`
    select coalesce(p.time_zone, '') as zone,
      coalesce(array_agg(p.id::text) filter (where ${staleCondition()}), '{}') as ids,
      coalesce(array_agg(p.ledger_version::text) filter (where ${staleCondition()}), '{}') as versions
    from people p left join standings s on s.person_id = p.id and s.organisation_id = ${organisationId}
    where p.organisation_id = ${organisationId} and p.active
    group by 1`.execute(db);
  const stale = result.rows.flatMap((r) => r.ids.map((personId, i) => ({ personId, ledgerVersion: r.versions[i] ?? '0' })));
  return { zones: result.rows.map((r) => r.zone), stale };
}

function staleCondition(): RawBuilder<boolean> {
  return sql<boolean>`s.person_id is null or s.version <> p.ledger_version or s.format is distinct from ${SUMMARY_FORMAT} or s.state_during is null`;
}

/** Who a page is about and how it is narrowed (the same rules as `selectRows` and `visibleTo`). */
export interface PageQuery {
  /** "Today" in each zone of `zonesAndStale` ('' = the organisation's zone). */
  readonly todayOf: ReadonlyMap<string, IsoDate>;
  /** A team manager's teams: only their members (null: everyone). */
  readonly managedTeams: readonly string[] | null;
  /** Only this team's members. */
  readonly teamId: string | null;
  readonly everyone: boolean;
  readonly expiringWithinDays?: number;
  readonly expiringBy?: IsoDate;
  readonly missingProof?: boolean;
  readonly unpaid?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** A person near the page, with the urgency key the page is ordered by (ties by name are the caller's: one collator for every sort). */
export interface PageCandidate {
  readonly personId: string;
  readonly platformUserId: string;
  readonly displayName: string;
  readonly timeZone: string | null;
  readonly group: number;
  readonly daysLeft: number;
}

export interface ReportPage {
  readonly counts: Record<ComplianceState, number> & { readonly total: number };
  readonly listed: number;
  /** The page shown, after clamping to 1..pages. */
  readonly page: number;
  /** Listed people whose key is before the first candidate's (the page starts `offset - before` into the candidates). */
  readonly before: number;
  /** Everyone whose urgency key is within the page's first and last keys (the page and its ties). */
  readonly candidates: readonly PageCandidate[];
}

/**
 * Counts, filters, the urgency order and the page of an organisation's report in one statement
 * over the standings' columns: each person's state on their own today is the stored state of the
 * span that today is in (`stateOnDay`), the order is `byUrgency`'s groups and days left. Returns
 * the page's people and the ties at its edges only, never everyone.
 */
export async function reportPage(db: Db, organisationId: string, q: PageQuery): Promise<ReportPage> {
  const zones = sql.join([...q.todayOf].map(([zone, today]) => sql`(${zone}::text, ${today}::text)`));
  const result = await sql<PageRow>`
    with zones(zone, today) as (values ${zones}),
    lines as (
      select p.id, p.platform_user_id, p.display_name, p.time_zone, s.issued_on, s.expires_on, s.ledger_codes, z.today,
        case when s.expires_on is null or s.issued_on is null then s.state_during
          when z.today < s.issued_on then s.state_before
          when z.today >= s.expires_on then s.state_after
          else s.state_during end as state,
        case when s.expires_on is null then 0 else s.expires_on::date - z.today::date end as days_left
      from people p
      join standings s on s.person_id = p.id and s.organisation_id = ${organisationId}
      join zones z on z.zone = coalesce(p.time_zone, '')
      where p.organisation_id = ${organisationId} and p.active and s.state_during is not null ${scope(organisationId, q)}
    ),
    listed as (
      select id, platform_user_id, display_name, time_zone,
        case when expires_on is null or issued_on is null then 1 when days_left <= 0 then 0 when today < issued_on then 2 else 3 end as grp, days_left
      from lines where ${filters(q)}
    ),
    ranked as (select listed.*, row_number() over (order by grp, days_left) as rn from listed),
    current as (
      select count(*) filter (where state = 'compliant') as compliant, count(*) filter (where state = 'at_risk') as at_risk,
        count(*) filter (where state = 'out_of_compliance') as out_of_compliance, count(*) as total,
        (select count(*) from listed) as listed
      from lines
    ),
    paged as (select current.*, least(greatest(1, ${q.page}::int), greatest(1, ceil(listed / ${q.pageSize}::numeric)::int)) as page from current),
    first as (select r.grp, r.days_left from ranked r, paged c where r.rn = (c.page - 1) * ${q.pageSize}::int + 1),
    last as (select r.grp, r.days_left from ranked r, paged c where r.rn = least(c.page * ${q.pageSize}::int, c.listed)),
    near as (select r.* from ranked r, first f, last l where (r.grp, r.days_left) >= (f.grp, f.days_left) and (r.grp, r.days_left) <= (l.grp, l.days_left))
    select c.compliant, c.at_risk, c.out_of_compliance, c.total, c.listed, c.page,
      (select count(*) from ranked r, first f where (r.grp, r.days_left) < (f.grp, f.days_left)) as before,
      n.id, n.platform_user_id, n.display_name, n.time_zone, n.grp, n.days_left
    from paged c left join near n on true`.execute(db);
  return pageOf(result.rows);
}

interface PageRow {
  compliant: string | number;
  at_risk: string | number;
  out_of_compliance: string | number;
  total: string | number;
  listed: string | number;
  page: number;
  before: string | number;
  id: string | null;
  platform_user_id: string | null;
  display_name: string | null;
  time_zone: string | null;
  grp: number | null;
  days_left: number | null;
}

function pageOf(rows: readonly PageRow[]): ReportPage {
  const head = rows[0];
  if (!head) throw new Error('the report page query returned no summary row');
  const candidates = rows.flatMap((r) =>
    r.id === null ? [] : [{ personId: r.id, platformUserId: r.platform_user_id ?? '', displayName: r.display_name ?? '', timeZone: r.time_zone, group: Number(r.grp), daysLeft: Number(r.days_left) }],
  );
  const counts = { compliant: Number(head.compliant), at_risk: Number(head.at_risk), out_of_compliance: Number(head.out_of_compliance), total: Number(head.total) };
  return { counts, listed: Number(head.listed), page: Number(head.page), before: Number(head.before), candidates };
}

/** A team manager sees their teams' members (`visibleTo`); a team filter keeps that team's members. */
function scope(organisationId: string, q: PageQuery): RawBuilder<unknown> {
  const member = (teams: readonly string[]) =>
    sql`and exists (select 1 from team_members m where m.organisation_id = ${organisationId} and m.person_id = p.id and m.team_id in (${sql.join(teams.map((t) => sql`${t}::uuid`))}))`;
  const managed = q.managedTeams === null ? sql`` : q.managedTeams.length ? member(q.managedTeams) : sql`and false`;
  return sql`${managed} ${q.teamId === null ? sql`` : member([q.teamId])}`;
}

/** `selectRows`: with filters, those matching every filter; without, everyone not compliant (or everyone, when asked). */
function filters(q: PageQuery): RawBuilder<boolean> {
  const filtered = q.expiringWithinDays !== undefined || q.expiringBy !== undefined || q.missingProof || q.unpaid;
  if (!filtered) return q.everyone ? sql<boolean>`true` : sql<boolean>`state <> 'compliant'`;
  const parts = [
    q.expiringWithinDays === undefined ? null : sql`(expires_on is not null and issued_on is not null and days_left <= ${q.expiringWithinDays}::int)`,
    q.expiringBy === undefined ? null : sql`(expires_on is not null and issued_on is not null and expires_on <= ${q.expiringBy}::text)`,
    q.missingProof ? sql`'proof-missing' = any(string_to_array(ledger_codes, ','))` : null,
    q.unpaid ? sql`'fee-unpaid' = any(string_to_array(ledger_codes, ','))` : null,
  ].filter((p) => p !== null);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}
