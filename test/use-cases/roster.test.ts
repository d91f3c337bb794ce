import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, say } from './helpers.ts';

const database = useTestDatabase();

async function auditOf(actor: Actor, action: string): Promise<{ actor_person_id: string | null; after: unknown }[]> {
  const rows = await sql<{ actor_person_id: string | null; after: unknown }>`select actor_person_id, after from audit_events where organisation_id = ${actor.organisationId} and action = ${action} order by occurred_at, id`.execute(database.current.db.withoutPlugins());
  return rows.rows;
}

describe('roster: add, set on someone\'s behalf, remove and restore', () => {
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
  });

  it('lets an admin set a certificate and a fee for someone, audited with both people, by the same rules as their own', async () => {
    const cert = expectKind(await say(deps, admin, 'roster set @ana cert CMSS-123 issued 2026-02-01'), 'roster-changed');
    expect(cert.change).toEqual({ what: 'certificate', person: 'Ana', mode: 'created', number: 'CMSS-123', issuedOn: '2026-02-01', expiresOn: '2027-02-01' });
    const fee = expectKind(await say(deps, admin, 'roster set @ana fee paid $85 on 2026-02-03'), 'roster-changed');
    expect(fee.change).toMatchObject({ what: 'fee', person: 'Ana', amountCents: 8500, paidOn: '2026-02-03' });
    expect(expectKind(await say(deps, ana, 'status'), 'status').status.certificate).toMatchObject({ number: 'CMSS-123', expiresOn: '2027-02-01' });
    const [event] = await auditOf(admin, 'credential.saved');
    expect(event).toMatchObject({ actor_person_id: admin.personId, after: { number: 'CMSS-123', onBehalfOf: { personId: ana.personId, name: 'Ana', by: 'Dana Admin' } } });
    expect((await auditOf(admin, 'fee.recorded'))[0]?.after).toMatchObject({ onBehalfOf: { name: 'Ana' } });
    // The same refusals as the person's own command: a second fee for the cycle, a future certificate.
    expect(await say(deps, admin, 'roster set @ana fee paid')).toMatchObject({ kind: 'error', code: 'fee-already-recorded' });
    expect(await say(deps, admin, 'roster set @ana cert CMSS-9 issued 2027-01-01')).toMatchObject({ kind: 'error', code: 'future-date' });
  });

  it('refuses scribes politely, naming the admins, and audits each refusal', async () => {
    for (const text of ['roster', 'roster add @ben', 'roster set @ben cert CMSS-1 issued 2026-01-01', 'roster remove @ben']) {
      expect(await say(deps, ana, text)).toMatchObject({ kind: 'error', code: 'forbidden', details: { admins: 'Dana Admin' } });
    }
    expect(await auditOf(ana, 'access.refused')).toHaveLength(4);
    expect(expectKind(await say(deps, ben, 'status'), 'status').status.certificate).toBeNull();
  });

  it('keeps a team manager to their teams: others are refused, newcomers join their team', async () => {
    await say(deps, admin, 'team Night shift add @ana');
    await say(deps, admin, 'role @carla manager of "Night shift"');
    expect(expectKind(await say(deps, carla, 'roster set @ana cert CMSS-5 issued 2026-03-01'), 'roster-changed').change).toMatchObject({ what: 'certificate', person: 'Ana' });
    expect(await say(deps, carla, 'roster set @ben cert CMSS-6 issued 2026-03-01')).toMatchObject({ kind: 'error', code: 'forbidden', details: { outOfScope: true, subject: 'Ben' } });
    expect(await say(deps, carla, 'roster set @ana team "Day shift"')).toMatchObject({ kind: 'error', code: 'forbidden', details: { permission: 'manage-teams' } });
    const list = expectKind(await say(deps, carla, 'roster'), 'roster');
    expect(list.people.map((p) => p.displayName)).toEqual(['Ana']);
    expect(list.limitedTo).toEqual(['Night shift']);
  });

  it('lists everyone with their state, and pages', async () => {
    await saveCredential(deps, ana, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    const list = expectKind(await say(deps, admin, 'roster'), 'roster');
    expect(list.people.map((p) => [p.displayName, p.state, p.certificate?.number ?? null])).toEqual([
      ['Ana', 'at_risk', 'CMSS-1'],
      ['Ben', 'out_of_compliance', null],
      ['Carla', 'out_of_compliance', null],
      ['Dana Admin', 'out_of_compliance', null],
    ]);
    expect(list).toMatchObject({ total: 4, removed: 0, page: 1, pageCount: 1 });
  });

  it('removes someone who left: records kept, out of the report; restore brings them back', async () => {
    await saveCredential(deps, ben, { number: 'CMSS-2', issuedOn: '2025-10-01', expiresOn: '2026-10-01' });
    expect(expectKind(await say(deps, admin, 'report'), 'compliance-report').rows.map((r) => r.displayName)).toContain('Ben');
    expect(expectKind(await say(deps, admin, 'roster remove @ben'), 'roster-changed').change).toEqual({ what: 'removed', person: 'Ben', already: false });
    expect(expectKind(await say(deps, admin, 'roster remove @ben'), 'roster-changed').change).toMatchObject({ already: true });
    const report = expectKind(await say(deps, admin, 'report'), 'compliance-report');
    expect(report.rows.map((r) => r.displayName)).not.toContain('Ben');
    expect(report.counts.total).toBe(3);
    const list = expectKind(await say(deps, admin, 'roster'), 'roster');
    expect(list.people.at(-1)).toMatchObject({ displayName: 'Ben', active: false, state: null });
    expect(expectKind(await say(deps, admin, 'status @ben'), 'status').status.certificate).toMatchObject({ number: 'CMSS-2' });
    expect(expectKind(await say(deps, admin, 'roster restore @ben'), 'roster-changed').change).toEqual({ what: 'restored', person: 'Ben', already: false });
    expect(expectKind(await say(deps, admin, 'report'), 'compliance-report').rows.map((r) => r.displayName)).toContain('Ben');
    expect(await say(deps, admin, 'roster remove @"Dana Admin"')).toMatchObject({ kind: 'error', code: 'last-admin' });
    expect((await auditOf(admin, 'roster.removed'))[0]).toMatchObject({ actor_person_id: admin.personId, after: { name: 'Ben', by: 'Dana Admin' } });
  });

  it('adds mentioned people and sets teams', async () => {
    const added = expectKind(await say(deps, admin, 'roster add @ana @ben'), 'roster-changed');
    expect(added.change).toEqual({ what: 'added', added: [], already: ['Ana', 'Ben'], teams: [] });
    const team = expectKind(await say(deps, admin, 'roster set @ana team "Night shift", "Day shift"'), 'roster-changed');
    expect(team.change).toEqual({ what: 'team', person: 'Ana', teams: ['Night shift', 'Day shift'], previous: [] });
    const moved = expectKind(await say(deps, admin, 'roster set @ana team Day shift'), 'roster-changed');
    expect(moved.change).toMatchObject({ teams: ['Day shift'], previous: ['Day shift', 'Night shift'] });
    expect(await say(deps, admin, 'roster add @nobody')).toMatchObject({ kind: 'error', code: 'person-not-found' });
  });
});
