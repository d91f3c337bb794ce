import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { getComplianceReport } from '../../src/use-cases/report/compliance-report.ts';
import { exportRoster } from '../../src/use-cases/roster/export.ts';
import { importRoster } from '../../src/use-cases/roster/import.ts';
import { operatorActor } from '../../src/use-cases/operator.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind } from './helpers.ts';

const database = useTestDatabase();

const HEADER = 'name,slack user id,email,credential number,issued,expires,fee paid through,team';
const GOOD = [HEADER, 'Ana Ortiz,U0ANA,ana@example.org,CMSS-100,2026-02-01,,2027-01-31,Night shift', '"Ben, Jr.",,ben@example.org,CMSS-200,2026-03-01,2027-03-01,,Day shift', 'Carla,U0CARLA,,,,,,'].join('\r\n');

/** What a roster import may change: people, certificates, fees and teams (audit events aside). */
async function rosterRows(actor: Actor): Promise<unknown[]> {
  const db = database.current.db.withoutPlugins();
  const org = actor.organisationId;
  const people = await sql`select id, platform_user_id, display_name, email, active from people where organisation_id = ${org} order by id`.execute(db);
  const creds = await sql`select id, person_id, number, issued_on, expires_on, deleted_at from credentials where organisation_id = ${org} order by id`.execute(db);
  const fees = await sql`select id, person_id, paid_on, amount_cents from fee_payments where organisation_id = ${org} order by id`.execute(db);
  const teams = await sql`select team_id, person_id from team_members where organisation_id = ${org} order by team_id, person_id`.execute(db);
  return [people.rows, creds.rows, fees.rows, teams.rows];
}

describe('roster import and export', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    ana = await org.join('Ana');
  });

  it('builds the roster from a file (BOM, CRLF, quoted commas), and the same file again changes nothing', async () => {
    const first = expectKind(await importRoster(deps, admin, { text: `\uFEFF${GOOD}\r\n`, fileName: 'people.csv' }), 'roster-import').result;
    expect(first).toMatchObject({ rows: 3, added: 3, updated: 0, unchanged: 0, rejected: [], stored: true });
    const report = expectKind(await getComplianceReport(deps, admin, { expiringWithinDays: 1000 }), 'compliance-report');
    expect(report.rows.map((r) => [r.displayName, r.certificate?.number])).toEqual([['Ana Ortiz', 'CMSS-100'], ['Ben, Jr.', 'CMSS-200']]);
    expect(report.rows[0]?.reasons.map((r) => r.code)).not.toContain('fee-unpaid');
    expect(report.rows[1]?.reasons.map((r) => r.code)).toContain('fee-unpaid');
    const before = await rosterRows(admin);
    const again = expectKind(await importRoster(deps, admin, { text: GOOD }), 'roster-import').result;
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, stored: true });
    expect(await rosterRows(admin)).toEqual(before);
  });

  it('stores nothing when any row is bad, and reports every refused value with line, column and value', async () => {
    const before = await rosterRows(admin);
    const multiline = [HEADER, 'Ana Ortiz,U0ANA,,CMSS-100,2026-02-01,,,', '"Hal\nHarper",U0HAL,,,,,2026-01-01,', 'Ana Ortiz,U0ANA,,,,,,'].join('\n');
    const result = expectKind(await importRoster(deps, admin, { text: multiline }), 'roster-import').result;
    expect(result.stored).toBe(false);
    expect(result.rejected).toEqual([
      { line: 3, column: 'fee paid through', value: '2026-01-01', problem: 'needs-certificate' },
      { line: 5, column: 'slack user id', value: 'U0ANA', problem: 'duplicate' },
    ]);
    expect(await rosterRows(admin)).toEqual(before);
    const audit = await sql<{ n: string }>`select count(*) as n from audit_events where organisation_id = ${admin.organisationId} and action = 'roster.import-refused'`.execute(database.current.db.withoutPlugins());
    expect(Number(audit.rows[0]?.n)).toBe(1);
  });

  it('checks each value: several problems per row, all listed', async () => {
    const text = [HEADER, ',,,,,,,', 'Eve,bad id,eve@,CMSS-1,2026-13-01,,,', 'Fay,U0FAY,,CMSS-3,2026-05-01,2026-04-01,,', 'Gil,U0GIL,,,2027-01-01,,,'].join('\n');
    const result = expectKind(await importRoster(deps, admin, { text }), 'roster-import').result;
    expect(result.rejected.map((r) => [r.line, r.column, r.problem])).toEqual([
      [2, 'name', 'required'],
      [2, 'slack user id', 'required'],
      [3, 'slack user id', 'slack-id-invalid'],
      [3, 'email', 'email-invalid'],
      [3, 'issued', 'date-invalid'],
      [4, 'expires', 'dates-order'],
      [5, 'issued', 'future-date'],
      [5, 'credential number', 'required'],
    ]);
    expect(result).toMatchObject({ rows: 4, rejectedRows: 4, stored: false });
  });

  it('with skip-bad stores the good rows and lists the bad', async () => {
    const text = [HEADER, 'Ana Ortiz,U0ANA,,CMSS-100,2026-02-01,,,', 'Eve,,,CMSS-1,2026-02-01,,,'].join('\n');
    const result = expectKind(await importRoster(deps, admin, { text, skipBad: true }), 'roster-import').result;
    expect(result).toMatchObject({ added: 1, rejectedRows: 1, stored: true, skipBad: true });
    const list = await exportRoster(deps, admin);
    expect(list.csv).toContain('Ana Ortiz,U0ANA,,CMSS-100,2026-02-01,2027-02-01,,');
    expect(list.csv).not.toContain('Eve');
  });

  it('refuses a file it cannot read as a whole', async () => {
    await expect(importRoster(deps, admin, { text: 'name,phone\nAna,555' })).rejects.toMatchObject({ code: 'roster-file-invalid', details: { problem: 'unknown-column', column: 'phone' } });
    await expect(importRoster(deps, admin, { text: 'name,team\nAna,X' })).rejects.toMatchObject({ code: 'roster-file-invalid', details: { problem: 'missing-column' } });
    await expect(importRoster(deps, admin, { text: '' })).rejects.toMatchObject({ code: 'roster-file-invalid', details: { problem: 'empty' } });
    await expect(importRoster(deps, admin, { text: 'name,email\n"Ana,ana@x.org' })).rejects.toMatchObject({ code: 'roster-file-invalid', details: { problem: 'not-csv' } });
  });

  it('refuses a scribe, and matches existing people by Slack id, e-mail or name', async () => {
    await expect(importRoster(deps, ana, { text: GOOD })).rejects.toMatchObject({ code: 'forbidden' });
    const text = [HEADER, 'Ana,,ana@example.org,CMSS-7,2026-01-10,,,', 'Dan,,,,,,,'].join('\n');
    const result = expectKind(await importRoster(deps, admin, { text }), 'roster-import').result;
    expect(result).toMatchObject({ added: 0, updated: 1, stored: false, rejected: [{ line: 3, column: 'slack user id', value: '', problem: 'required' }] });
    expect(expectKind(await importRoster(deps, admin, { text, skipBad: true }), 'roster-import').result).toMatchObject({ added: 0, updated: 1, stored: true });
    const ledger = await sql<{ person_id: string }>`select person_id from credentials where organisation_id = ${admin.organisationId}`.execute(database.current.db.withoutPlugins());
    expect(ledger.rows.map((r) => r.person_id)).toEqual([ana.personId]);
  });

  it('exports what it imports: the export imported again changes nothing, and the operator may do both', async () => {
    const operator = await operatorActor(deps, `test:${(await sql<{ external_id: string }>`select external_id from organisations where id = ${admin.organisationId}`.execute(database.current.db.withoutPlugins())).rows[0]?.external_id}`);
    expectKind(await importRoster(deps, operator, { text: GOOD }), 'roster-import');
    const exported = await exportRoster(deps, operator);
    expect(exported.csv.split('\r\n')[0]).toBe(HEADER);
    expect(exported.csv).toContain('"Ben, Jr.",,ben@example.org,CMSS-200,2026-03-01,2027-03-01,,Day shift');
    expect(exported.csv).toContain('Ana Ortiz,U0ANA,ana@example.org,CMSS-100,2026-02-01,2027-02-01,2027-01-31,Night shift');
    const before = await rosterRows(admin);
    expect(expectKind(await importRoster(deps, operator, { text: exported.csv }), 'roster-import').result).toMatchObject({ added: 0, updated: 0, stored: true });
    expect(await rosterRows(admin)).toEqual(before);
  });

  it('two imports of the same file at once store it once (run many times)', async () => {
    for (let round = 0; round < 6; round += 1) {
      const org = await givenOrganisation(deps);
      const [a, b] = await Promise.all([importRoster(deps, org.admin, { text: GOOD }), importRoster(deps, org.admin, { text: GOOD })]);
      const results = [expectKind(a, 'roster-import').result, expectKind(b, 'roster-import').result];
      expect(results.every((r) => r.stored)).toBe(true);
      const db = database.current.db.withoutPlugins();
      const counts = await sql<{ people: string; creds: string; fees: string }>`select (select count(*) from people where organisation_id = ${org.admin.organisationId}) as people, (select count(*) from credentials where organisation_id = ${org.admin.organisationId} and deleted_at is null) as creds, (select count(*) from fee_payments where organisation_id = ${org.admin.organisationId} and deleted_at is null) as fees`.execute(db);
      expect(counts.rows[0]).toEqual({ people: '4', creds: '2', fees: '1' });
    }
  });
});
