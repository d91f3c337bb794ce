import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { recordFeePayment } from '../../src/use-cases/record-fee.ts';
import { pdfBytes } from '../builders/files.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged, say } from './helpers.ts';

const database = useTestDatabase();

describe('managers: roles, the report and who may see what', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;
  let ben: Actor;
  let carla: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    ana = await org.join('Ana');
    ben = await org.join('Ben');
    carla = await org.join('Carla');
    // Ana: a valid certificate, short of credit, fee unpaid. Ben: expired. Carla: compliant.
    await saveCredential(deps, ana, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    await logged(deps, ana, 'MLN webinar "Telehealth Billing" 45 min yesterday');
    await saveCredential(deps, ben, { number: 'CMSS-2', issuedOn: '2025-10-01', expiresOn: '2026-10-01' });
    await saveCredential(deps, carla, { number: 'CMSS-3', issuedOn: '2026-03-01' });
    for (const course of ['Course A', 'Course B', 'Course C']) {
      const seq = await logged(deps, carla, `MLN webinar "${course}" 60 min yesterday`);
      await attachProof(deps, carla, { fileName: `${course}.pdf`, bytes: pdfBytes(course), seq });
    }
    await recordFeePayment(deps, carla, {});
  });

  it('makes the first person of an organisation its admin', () => {
    expect(admin.role).toBe('admin');
    expect(ana.role).toBe('scribe');
  });

  it('refuses the report to a scribe, naming the admins to ask, and audits the refusal', async () => {
    const reply = await say(deps, ana, 'who is out of compliance?');
    expect(reply).toMatchObject({ kind: 'error', code: 'forbidden', details: { permission: 'see-report', admins: 'Dana Admin' } });
    const audit = await sql<{ n: string }>`select count(*) as n from audit_events where action = 'access.refused' and actor_person_id = ${ana.personId}`.execute(database.current.db.withoutPlugins());
    expect(Number(audit.rows[0]?.n)).toBe(1);
  });

  it('lets an admin make a manager, who then gets the report: summary, then gaps most urgent first', async () => {
    expect(await say(deps, admin, 'role @ben manager')).toMatchObject({ kind: 'role-changed', person: 'Ben', role: 'manager', previous: 'scribe' });
    const report = expectKind(await say(deps, ben, 'who is out of compliance?'), 'compliance-report');
    expect(report.counts).toEqual({ compliant: 1, atRisk: 1, outOfCompliance: 2, total: 4 });
    expect(report.rows.map((r) => r.displayName)).toEqual(['Ben', 'Dana Admin', 'Ana']);
    const codes = (name: string) => report.rows.find((r) => r.displayName === name)?.reasons.map((r) => r.code);
    expect(codes('Ben')).toContain('certificate-expired');
    expect(codes('Ana')).toEqual(['credit-short', 'fee-unpaid', 'proof-missing']);
  });

  it('agrees person for person with what each one\'s own status says', async () => {
    const report = expectKind(await say(deps, admin, 'report expiring 1000d'), 'compliance-report');
    expect(report.rows).toHaveLength(3); // everyone with a certificate; the admin has none
    for (const row of report.rows) {
      const status = expectKind(await say(deps, admin, `status @"${row.displayName}"`), 'status').status;
      expect({ name: row.displayName, state: row.state, reasons: row.reasons }).toEqual({ name: status.displayName, state: status.state, reasons: status.reasons });
    }
  });

  it('limits a manager of a team to that team: others are left out of the report and refused', async () => {
    expect(await say(deps, admin, 'team Night shift add @ana')).toMatchObject({ kind: 'team-changed', team: 'Night shift', changed: ['Ana'] });
    expect(await say(deps, admin, 'role @carla manager of "Night shift"')).toMatchObject({ kind: 'role-changed', teams: ['Night shift'] });
    const report = expectKind(await say(deps, carla, 'report'), 'compliance-report');
    expect(report.limitedTo).toEqual(['Night shift']);
    expect(report.rows.map((r) => r.displayName)).toEqual(['Ana']);
    expect(await say(deps, carla, 'status @ben')).toMatchObject({ kind: 'error', code: 'forbidden', details: { subject: 'Ben', outOfScope: true } });
    expect(expectKind(await say(deps, carla, 'status @ana'), 'status').status).toMatchObject({ displayName: 'Ana', isSelf: false });
  });

  it('takes a role away at once: a demoted manager is refused on the next request', async () => {
    await say(deps, admin, 'role @ben manager');
    expect((await say(deps, ben, 'report')).kind).toBe('compliance-report');
    await say(deps, admin, 'role @ben scribe');
    expect(await say(deps, ben, 'report')).toMatchObject({ kind: 'error', code: 'forbidden' });
  });

  it('refuses roles to anyone but an admin, and keeps the last admin', async () => {
    await say(deps, admin, 'role @ben manager');
    expect(await say(deps, ben, 'role @ana admin')).toMatchObject({ kind: 'error', code: 'forbidden', details: { permission: 'manage-roles' } });
    expect(await say(deps, admin, 'role @"Dana Admin" scribe')).toMatchObject({ kind: 'error', code: 'last-admin' });
    expect(expectKind(await say(deps, admin, 'roles'), 'roles')).toMatchObject({ people: [{ displayName: 'Ben', role: 'manager' }, { displayName: 'Dana Admin', role: 'admin' }], scribes: 2 });
  });

  it('narrows the report: expiring, unpaid, missing proof, a team', async () => {
    const names = async (text: string) => expectKind(await say(deps, admin, text), 'compliance-report').rows.map((r) => r.displayName);
    expect(await names('report expiring 365d')).toEqual(['Ben', 'Ana', 'Carla']);
    expect(await names('who expires this month?')).toEqual(['Ben']);
    expect(await names("who hasn't paid?")).toEqual(['Ben', 'Ana']);
    expect(await names('report missing-proof')).toEqual(['Ana']);
    await say(deps, admin, 'team "Day shift" add @carla');
    expect(await names('report team "Day shift"')).toEqual([]);
    expect(expectKind(await say(deps, admin, 'report team "Day shift"'), 'compliance-report').counts.total).toBe(1);
    expect(await say(deps, admin, 'report team Nowhere')).toMatchObject({ kind: 'error', code: 'team-not-found' });
  });
});
