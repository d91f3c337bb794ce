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
  const zones = [...q.todayOf.keys()];
  const todays = zones.map((z) => q.todayOf.get(z) ?? '');
  const result = await sql<PageRow>`
    with lines as (
      select p.id, p.platform_user_id, p.display_name, p.time_zone, s.issued_on, s.expires_on, s.ledger_codes, s.state_before, s.state_during, s.state_after,
        (${todays}::text[])[array_position(${zones}::text[], coalesce(p.time_zone, ''))] as today
      from people p
      join standings s on s.person_id = p.id and s.organisation_id = ${organisationId}
      where p.organisation_id = ${organisationId} and p.active and s.state_during is not null ${scope(organisationId, q)}
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
      select id, platform_user_id, display_name, time_zone, state, days_left, ${filters(q)} as listed,
        case when expires_on is null or issued_on is null then 1 when days_left <= 0 then 0 when today < issued_on then 2 else 3 end as grp
      from dated
    ),
    current as (
      select count(*) filter (where state = 'compliant') as compliant, count(*) filter (where state = 'at_risk') as at_risk,
        count(*) filter (where state = 'out_of_compliance') as out_of_compliance, count(*) as total, count(*) filter (where listed) as listed
      from keyed
    ),
    paged as (select c.*, least(greatest(1, ${q.page}::int), greatest(1, ceil(c.listed / ${q.pageSize}::numeric)::int)) as page from current c),
    at as (select p.*, (p.page - 1) * ${q.pageSize}::int + 1 as first_rn, least(p.page * ${q.pageSize}::int, p.listed) as last_rn from paged p),
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
  return pageOf(result.rows);
}

interface PageRow {
  compliant: string | number;
  at_risk: string | number;
  out_of_compliance: string | number;
  total: string | number;
  listed: string | number;
  page: number;
  id: string | null;
  platform_user_id: string | null;
  display_name: string | null;
  time_zone: string | null;
  grp: number | null;
  days_left: number | null;
  /** The row's place in the order by key alone (ties in any order): the first of a key's run, less one, is how many come before it. */
  rn: string | number | null;
}

function pageOf(rows: readonly PageRow[]): ReportPage {
  const head = rows[0];
  if (!head) throw new Error('the report page query returned no summary row');
  const candidates = rows.flatMap((r) =>
    r.id === null ? [] : [{ personId: r.id, platformUserId: r.platform_user_id ?? '', displayName: r.display_name ?? '', timeZone: r.time_zone, group: Number(r.grp), daysLeft: Number(r.days_left) }],
  );
  const counts = { compliant: Number(head.compliant), at_risk: Number(head.at_risk), out_of_compliance: Number(head.out_of_compliance), total: Number(head.total) };
  const before = rows.reduce((least, r) => (r.rn === null ? least : Math.min(least, Number(r.rn) - 1)), Number(head.listed));
  return { counts, listed: Number(head.listed), page: Number(head.page), before: candidates.length ? before : 0, candidates };
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
