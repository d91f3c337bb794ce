import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** Deliveries of one target (a channel, or a person's DMs) by status, with the unknown ones listed. */
export interface TargetStatus {
  readonly organisationId: string;
  readonly organisation: string;
  readonly target: string;
  readonly counts: Readonly<Record<string, number>>;
  /** Posts that may or may not exist (no answer after the request left): never resent, so a person checks. */
  readonly unknown: readonly { readonly key: string; readonly dueAt: Date; readonly error: string | null }[];
}

/**
 * `recert nudges status`: every organisation's deliveries grouped by target (an operator's view,
 * across organisations, so raw SQL), optionally one organisation's.
 */
export async function deliveryStatus(db: Db, organisationId: string | null): Promise<TargetStatus[]> {
  const rows = await sql<{ organisation_id: string; organisation: string; target: string; status: string; n: string }>`
    select d.organisation_id, o.name as organisation, coalesce(t.name, p.display_name, '?') || case when t.id is null then ' (DM)' else '' end as target, d.status, count(*) as n
    from reminder_deliveries d join organisations o on o.id = d.organisation_id
    left join reminder_targets t on t.id = d.target_id and t.organisation_id = d.organisation_id
    left join people p on p.id = d.person_id and p.organisation_id = d.organisation_id
    where (${organisationId}::uuid is null or d.organisation_id = ${organisationId}::uuid)
    group by 1, 2, 3, 4 order by 2, 3, 4`.execute(db);
  const unknown = await sql<{ organisation_id: string; target: string; key: string; due_at: Date; last_error: string | null }>`
    select d.organisation_id, coalesce(t.name, p.display_name, '?') || case when t.id is null then ' (DM)' else '' end as target, d.key, d.due_at, d.last_error
    from reminder_deliveries d
    left join reminder_targets t on t.id = d.target_id and t.organisation_id = d.organisation_id
    left join people p on p.id = d.person_id and p.organisation_id = d.organisation_id
    where d.status = 'unknown' and (${organisationId}::uuid is null or d.organisation_id = ${organisationId}::uuid)
    order by d.due_at limit 200`.execute(db);
  const out = new Map<string, { organisationId: string; organisation: string; target: string; counts: Record<string, number>; unknown: TargetStatus['unknown'][number][] }>();
  for (const r of rows.rows) {
    const id = `${r.organisation_id}\u0000${r.target}`;
    const entry = out.get(id) ?? { organisationId: r.organisation_id, organisation: r.organisation, target: r.target, counts: {}, unknown: [] };
    entry.counts[r.status] = Number(r.n);
    out.set(id, entry);
  }
  for (const u of unknown.rows) out.get(`${u.organisation_id}\u0000${u.target}`)?.unknown.push({ key: u.key, dueAt: u.due_at, error: u.last_error });
  return [...out.values()];
}
