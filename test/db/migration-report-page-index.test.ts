import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { down, up } from '../../migrations/20261204T101500Z-report-page-index.ts';
import { testDeps } from '../builders/deps.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('migration 20261204T101500Z', () => {
  it('fills the certificate day numbers of stored standings, and makes a row whose dates it cannot read stale', async () => {
    const db = database.current.db.withoutPlugins();
    const org = await givenOrganisation(testDeps(database.current.db));
    const ana = await org.join('Ana');
    const ben = await org.join('Ben');
    const cy = await org.join('Cy');
    await down(db);
    const row = (person: string, issued: string | null, expires: string | null) =>
      sql`(${person}::uuid, ${org.admin.organisationId}::uuid, 0, '{}'::jsonb, now(), 1, ${issued}, ${expires}, 'at_risk', 'at_risk', 'out_of_compliance')`;
    await sql`insert into standings (person_id, organisation_id, version, summary, computed_at, format, issued_on, expires_on, state_before, state_during, state_after)
      values ${sql.join([row(ana.personId, '1969-12-31', '2028-02-29'), row(ben.personId, null, null), row(cy.personId, 'soon', '2027-01-01')])}`.execute(db);
    await up(db);
    const rows = await sql<{ display_name: string; issued_day: number | null; expires_day: number | null; state_during: string | null }>`
      select p.display_name, s.issued_day, s.expires_day, s.state_during from standings s join people p on p.id = s.person_id
      where s.organisation_id = ${org.admin.organisationId} order by p.display_name`.execute(db);
    expect(rows.rows).toEqual([
      // 2028-02-29 is day 21,243 since 1970-01-01 (a leap day); the day before 1970 is -1.
      { display_name: 'Ana', issued_day: -1, expires_day: 21_243, state_during: 'at_risk' },
      { display_name: 'Ben', issued_day: null, expires_day: null, state_during: 'at_risk' },
      { display_name: 'Cy', issued_day: null, expires_day: 20_819, state_during: null },
    ]);
    const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes where indexname in ('standings_report_idx', 'standings_org_idx', 'people_active_zone_idx') order by 1`.execute(db);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(['people_active_zone_idx', 'standings_report_idx']);
  });
});
