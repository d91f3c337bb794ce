import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { setEmail } from '../../src/db/repositories/roster.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, say, storedRows } from './helpers.ts';

/**
 * Leftover of issue 10: a manager names a person by e-mail after the @ (`status @ana@example.org`).
 * Every command that takes a person gets that person when the roster knows the address, or a clear
 * "no one with that e-mail" — never the asker's own records.
 */
const database = useTestDatabase();

describe('a person named by e-mail (@ana@example.org)', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    ana = await org.join('Ana');
    await setEmail(deps.db, ana.organisationId, ana.personId, 'ana@example.org');
  });

  it('is that person in status, history, roster set/remove/restore, export and role', async () => {
    await say(deps, admin, 'roster set @ana cert CMSS-77 issued 2026-02-01');
    expect(expectKind(await say(deps, admin, 'status @ana@example.org'), 'status').status.certificate).toMatchObject({ number: 'CMSS-77' });
    expect(expectKind(await say(deps, admin, 'status @Ana@Example.org'), 'status').status.certificate).toMatchObject({ number: 'CMSS-77' });
    expect(await say(deps, admin, 'history @ana@example.org')).toMatchObject({ kind: 'history', of: { personId: ana.personId, displayName: 'Ana' } });
    expect(expectKind(await say(deps, admin, 'roster set @ana@example.org fee paid $85 on 2026-02-03'), 'roster-changed').change).toMatchObject({ what: 'fee', person: 'Ana' });
    expect(await say(deps, admin, 'export transcript @ana@example.org')).toMatchObject({ kind: 'paperwork', isSelf: false, paperwork: { what: 'transcript', transcript: { person: { id: ana.personId } } } });
    expect(expectKind(await say(deps, admin, 'role @ana@example.org manager'), 'role-changed')).toMatchObject({ person: 'Ana', role: 'manager' });
    expect(expectKind(await say(deps, admin, 'roster remove @ana@example.org'), 'roster-changed').change).toMatchObject({ person: 'Ana' });
    expect(expectKind(await say(deps, admin, 'roster restore @ana@example.org'), 'roster-changed').change).toMatchObject({ person: 'Ana' });
  });

  it('is refused by the address when nobody has it, and nothing changes', async () => {
    const before = await storedRows(deps, admin);
    for (const text of ['status @zed@example.org', 'history @zed@example.org', 'roster set @zed@example.org fee paid', 'roster remove @zed@example.org', 'export transcript @zed@example.org', 'role @zed@example.org manager']) {
      expect(await say(deps, admin, text), text).toMatchObject({ kind: 'error', code: 'person-not-found', details: { name: 'zed@example.org' } });
    }
    const after = await storedRows(deps, admin);
    expect(after.credentials).toEqual(before.credentials);
    expect(after.fee_payments).toEqual(before.fee_payments);
    expect(after.people).toEqual(before.people);
  });
});
