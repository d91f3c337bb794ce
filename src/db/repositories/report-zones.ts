import { sql } from 'kysely';
import type { Db } from '../connection.ts';

/**
 * The zones an organisation's active people are in ('' for "the organisation's"), by a loose index
 * scan of `people_active_zone_idx`: one index probe per distinct zone (a handful), not a read of
 * every person. The report works "today" out in each of them before it asks for its page.
 */
export async function activeZones(db: Db, organisationId: string): Promise<string[]> {
  const result = await sql<{ zone: string }>`
    with recursive z(zone) as (
      select min(time_zone) from people where organisation_id = ${organisationId} and active
      union all
      select (select min(p.time_zone) from people p where p.organisation_id = ${organisationId} and p.active and p.time_zone > z.zone)
      from z where z.zone is not null
    )
    select zone from z where zone is not null
    union all
    select '' where exists (select 1 from people where organisation_id = ${organisationId} and active and time_zone is null)`.execute(db);
  return result.rows.map((r) => r.zone);
}
