import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, say } from './helpers.ts';

const database = useTestDatabase();

async function auditCount(action: string, actorId: string): Promise<number> {
  const rows = await sql<{ n: string }>`select count(*) as n from audit_events where action = ${action} and actor_person_id = ${actorId}`.execute(database.current.db.withoutPlugins());
  return Number(rows.rows[0]?.n);
}

describe('`export report` in chat: the organisation report as paperwork, for managers and admins', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;
  let mona: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    ana = await org.join('Ana');
    await org.join('Ben');
    mona = await org.join('Mona');
    await saveCredential(deps, ana, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    await say(deps, admin, 'team Night shift add @ben');
    await say(deps, admin, 'role @mona manager of "Night shift"');
  });

  it('gives an admin everyone, compliant or not, most urgent first, dated in their zone, and audits the export', async () => {
    for (const text of ['export report', 'export the compliance report', 'export report csv']) {
      const reply = expectKind(await say(deps, admin, text), 'paperwork');
      if (reply.paperwork.what !== 'report') throw new Error(`expected the report for "${text}"`);
      expect(reply.paperwork.generatedOn).toBe('2026-11-27');
      expect(reply.paperwork.limitedTo).toBeNull();
      expect(reply.paperwork.counts.total).toBe(4);
      expect(reply.paperwork.rows.map((r) => r.displayName).sort()).toEqual(['Ana', 'Ben', 'Dana Admin', 'Mona']);
      const ana = reply.paperwork.rows.find((r) => r.displayName === 'Ana');
      expect(ana?.certificate?.number).toBe('CMSS-1');
      expect(ana?.reasons.map((r) => r.code)).toContain('credit-short');
    }
    expect(await auditCount('report.exported', admin.personId)).toBe(3);
  });

  it('limits a team manager to their team', async () => {
    const reply = expectKind(await say(deps, mona, 'export report'), 'paperwork');
    if (reply.paperwork.what !== 'report') throw new Error('expected the report');
    expect(reply.paperwork.limitedTo).toEqual(['Night shift']);
    expect(reply.paperwork.rows.map((r) => r.displayName)).toEqual(['Ben']);
  });

  it('refuses a scribe politely, naming the admins, audits the refusal and exports nothing', async () => {
    expect(await say(deps, ana, 'export report')).toMatchObject({ kind: 'error', code: 'forbidden', details: { permission: 'see-report', admins: 'Dana Admin' } });
    expect(await auditCount('access.refused', ana.personId)).toBe(1);
    expect(await auditCount('report.exported', ana.personId)).toBe(0);
  });

  it('asks for the usage when the report names a person', async () => {
    expect(await say(deps, admin, 'export report @ana')).toMatchObject({ kind: 'help' });
  });
});
