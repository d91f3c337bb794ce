import { sql, type RawBuilder } from 'kysely';
import type { ComplianceState } from '../../domain/compliance-types.ts';
import { dayNumber, type IsoDate } from '../../domain/dates.ts';
import { SUMMARY_FORMAT } from '../../domain/standing-summary.ts';
import type { Db } from '../connection.ts';

/** Who a page is about and how it is narrowed (the same rules as `selectRows` and `visibleTo`). */
export interface PageQuery {
  /** "Today" in each zone of `activeZones` ('' = the organisation's zone). */
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
  /** People in scope whose stored standing is stale (never computed, their ledger moved on, an older format): left out of this answer. */
  readonly stale: readonly { readonly personId: string; readonly ledgerVersion: string }[];
  /** People in scope whose zone is not in `todayOf` (it changed since the zones were read): left out of this answer. */
  readonly unzoned: number;
}

/**
 * Counts, filters, the urgency order and the page of an organisation's report in one statement,
 * an index-only scan of the standings' report columns (`standings_report_idx`) joined to the active
 * people: each person's state on their own today is the stored state of the span that today is in
 * (`stateOnDay`), the order is `byUrgency`'s groups and days left, as one integer key. Only the
 * page's keys are sorted (a top-N sort), and only the page's people and the ties at its edges are
 * returned, never everyone. It also finds, in the same pass, who is stale or in a zone not asked
 * for: they are left out, and the caller computes them and asks again.
 */
export async function reportPage(db: Db, organisationId: string, q: PageQuery): Promise<ReportPage> {
  const zones = [...q.todayOf.keys()];
  const days = zones.map((z) => dayNumber(q.todayOf.get(z) ?? ''));
  const result = await sql<PageRow>`
    with keyed as materialized (
      select d.id, d.ledger_version, d.stale, d.usable, d.unzoned, d.state, d.grp, d.days_left, d.usable and ${filters(q)} as listed,
        d.grp::bigint * ${KEY_SPAN}::bigint + d.days_left as key
      from (
        select l.*,
          case when l.expires_day is null or l.issued_day is null then 1 when l.expires_day <= l.today then 0 when l.today < l.issued_day then 2 else 3 end as grp
        from (
          select p.id, p.ledger_version, z.today, z.today is null as unzoned, s.state_during is not null and z.today is not null as usable,
            s.person_id is null or s.version <> p.ledger_version or s.format is distinct from ${SUMMARY_FORMAT}::int or s.state_during is null as stale,
            s.issued_day, s.expires_day, s.ledger_codes,
            case when s.expires_day is null or s.issued_day is null then s.state_during
              when z.today < s.issued_day then s.state_before
              when z.today >= s.expires_day then s.state_after
              else s.state_during end as state,
            case when s.expires_day is null or s.issued_day is null then 0 else s.expires_day - z.today end as days_left
          from people p
          left join standings s on s.person_id = p.id and s.organisation_id = ${organisationId}
          left join unnest(${zones}::text[], ${days}::int[]) as z(zone, today) on z.zone = coalesce(p.time_zone, '')
          where p.organisation_id = ${organisationId} and p.active ${scope(organisationId, q)}
        ) l
      ) d
    ),
    counts as (
      select count(*) filter (where usable and state = 'compliant') as compliant, count(*) filter (where usable and state = 'at_risk') as at_risk,
        count(*) filter (where usable and state = 'out_of_compliance') as out_of_compliance, count(*) filter (where usable) as total,
        count(*) filter (where listed) as listed, count(*) filter (where unzoned) as unzoned,
        coalesce(array_agg(id::text) filter (where stale), '{}') as stale_ids, coalesce(array_agg(ledger_version::text) filter (where stale), '{}') as stale_versions
      from keyed
    ),
    at as (select c.*, least(greatest(1, ${q.page}::int), greatest(1, ceil(c.listed / ${q.pageSize}::numeric)::int)) as page from counts c),
    shown as (select key from keyed where listed order by key offset (select (page - 1) * ${q.pageSize}::int from at) limit ${q.pageSize}::int),
    edges as (select min(key) as first_key, max(key) as last_key from shown),
    near as (select k.id, k.grp, k.days_left from keyed k, edges e where k.listed and k.key between e.first_key and e.last_key)
    select a.*, (select count(*) from keyed k, edges e where k.listed and k.key < e.first_key) as before,
      n.id, p.platform_user_id, p.display_name, p.time_zone, n.grp, n.days_left
    from at a left join near n on true left join people p on p.id = n.id and p.organisation_id = ${organisationId}`.execute(db);
  return pageOf(result.rows);
}

/** The urgency key is group × 2³² + days left: days left fits in 32 bits (±5.8 million years), so the key orders as (group, days left). */
const KEY_SPAN = 4_294_967_296;

interface PageRow {
  compliant: string | number;
  at_risk: string | number;
  out_of_compliance: string | number;
  total: string | number;
  listed: string | number;
  unzoned: string | number;
  stale_ids: string[];
  stale_versions: string[];
  page: number;
  /** Listed people whose key is before the page's first key. */
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
  const stale = head.stale_ids.map((personId, i) => ({ personId, ledgerVersion: head.stale_versions[i] ?? '0' }));
  return { counts, listed: Number(head.listed), page: Number(head.page), before: candidates.length ? Number(head.before) : 0, candidates, stale, unzoned: Number(head.unzoned) };
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
  if (!filtered) return q.everyone ? sql<boolean>`true` : sql<boolean>`d.state <> 'compliant'`;
  const parts = [
    q.expiringWithinDays === undefined ? null : sql`(d.expires_day is not null and d.issued_day is not null and d.days_left <= ${q.expiringWithinDays}::int)`,
    q.expiringBy === undefined ? null : sql`(d.expires_day is not null and d.issued_day is not null and d.expires_day <= ${dayNumber(q.expiringBy)}::int)`,
    q.missingProof ? sql`'proof-missing' = any(string_to_array(d.ledger_codes, ','))` : null,
    q.unpaid ? sql`'fee-unpaid' = any(string_to_array(d.ledger_codes, ','))` : null,
  ].filter((p) => p !== null);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}
