import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { getComplianceReport } from '../../src/use-cases/report/compliance-report.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { AfterQuery } from '../fakes/after-query.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged } from './helpers.ts';

const database = useTestDatabase();
const PAGE_STATEMENT = 'with keyed as materialized';
const ZONES = 'with recursive z(zone)';

/** The report page's one statement finds stale standings and unknown zones itself: it asks again, never answers with them left out. */
describe('the report page, when something changed', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;
  let ben: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    ana = await org.join('Ana');
    ben = await org.join('Ben', { timeZone: 'Europe/London' });
    await saveCredential(deps, ana, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    await saveCredential(deps, ben, { number: 'CMSS-2', issuedOn: '2025-10-01', expiresOn: '2026-10-01' });
    await getComplianceReport(deps, admin, { everyone: true }); // every standing stored
  });

  it('computes a standing whose ledger moved on (Ana: 0 → 1 CE), then asks for the page again (and stores its day numbers)', async () => {
    await logged(deps, ana, 'MLN webinar "Telehealth Billing" 45 min yesterday');
    const probe = new AfterQuery(PAGE_STATEMENT, async () => {});
    const reply = expectKind(await getComplianceReport({ ...deps, db: deps.db.withPlugin(probe) }, admin, { everyone: true }), 'compliance-report');
    expect(probe.seen).toBe(2);
    expect(reply.counts.total).toBe(3);
    expect(reply.rows.find((r) => r.displayName === 'Ana')?.earned).toBe(1);
    const stored = await sql<{ issued_day: number; expires_day: number; current: boolean }>`
      select s.issued_day, s.expires_day, s.version = p.ledger_version as current from standings s join people p on p.id = s.person_id where p.id = ${ana.personId}`.execute(deps.db.withoutPlugins());
    // 2026-01-15 is day 20,468 since 1970-01-01; the certificate runs a year, to 2027-01-15 (day 20,833).
    expect(stored.rows).toEqual([{ issued_day: 20_468, expires_day: 20_833, current: true }]);
  });

  it('reads the zones again when someone moved to a zone it did not work "today" out for', async () => {
    const raced = new AfterQuery(ZONES, async () => {
      await sql`update people set time_zone = 'Asia/Tokyo' where id = ${ben.personId}`.execute(deps.db.withoutPlugins());
    });
    const pages = new AfterQuery(PAGE_STATEMENT, async () => {});
    const reply = expectKind(await getComplianceReport({ ...deps, db: deps.db.withPlugin(raced).withPlugin(pages) }, admin, { everyone: true }), 'compliance-report');
    expect([raced.seen, pages.seen]).toEqual([2, 2]);
    expect(reply.counts.total).toBe(3);
    expect(reply.rows.map((r) => r.displayName).sort()).toEqual(['Ana', 'Ben', 'Dana Admin']);
  });
});
