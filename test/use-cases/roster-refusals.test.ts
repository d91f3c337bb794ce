import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import { errorMessage } from '../../adapters/common/error-messages.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { say, storedRows } from './helpers.ts';

/**
 * Leftover of issue 7: every refusal a scribe or a team-limited manager gets from a roster command
 * says who may do it, what was refused (and about whom) and which admins to ask; nothing changes.
 */
const database = useTestDatabase();

function wording(reply: Reply): string {
  expect(reply.kind).toBe('error');
  return reply.kind === 'error' ? errorMessage(reply.code, reply.details) : '';
}

describe('roster refusals', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;
  let carla: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    ana = await org.join('Ana');
    await org.join('Ben');
    carla = await org.join('Carla');
    await org.join('Eli');
    await say(deps, admin, 'role @eli admin');
    await say(deps, admin, 'team Night shift add @ana');
    await say(deps, admin, 'role @carla manager of "Night shift"');
    await say(deps, admin, 'team Day shift add @ben');
  });

  it('tells a scribe who may see or change the roster, and whom to ask', async () => {
    const before = await storedRows(deps, admin);
    expect(wording(await say(deps, ana, 'roster'))).toBe('Only managers and admins can see the roster — ask an admin: Dana Admin, Eli.');
    expect(wording(await say(deps, ana, 'roster page 2'))).toBe('Only managers and admins can see the roster — ask an admin: Dana Admin, Eli.');
    for (const text of ['roster add @ben', 'roster set @ben cert CMSS-1 issued 2026-01-01', 'roster set @ben fee paid', 'roster set @ben team "Night shift"', 'roster remove @ben', 'roster restore @ben', 'roster set @ana cert CMSS-1 issued 2026-01-01']) {
      expect(wording(await say(deps, ana, text)), text).toBe('Only managers and admins can change the roster — ask an admin: Dana Admin, Eli.');
    }
    const after = await storedRows(deps, admin);
    expect({ ...after, audit_events: [] }).toEqual({ ...before, audit_events: [] });
  });

  it('tells a team manager whom they may not change, which teams they manage, and whom to ask', async () => {
    const before = await storedRows(deps, admin);
    const outside = "Ben is not in your teams (you manage Night shift), so you cannot change Ben's place on the roster (certificate, fee, teams, removal) — ask an admin: Dana Admin, Eli.";
    for (const text of ['roster add @ben', 'roster set @ben cert CMSS-1 issued 2026-01-01', 'roster set @ben fee paid', 'roster set @ben team "Night shift"', 'roster remove @ben', 'roster restore @ben']) {
      expect(wording(await say(deps, carla, text)), text).toBe(outside);
    }
    expect(wording(await say(deps, carla, 'roster set @ana team "Day shift"'))).toBe('Only admins and managers of the whole organisation can change the teams — ask an admin: Dana Admin, Eli.');
    expect(wording(await say(deps, carla, 'status @ben'))).toBe("Ben is not in your teams (you manage Night shift), so you cannot see Ben's records — ask an admin: Dana Admin, Eli.");
    expect(wording(await say(deps, carla, 'report team "Day shift"'))).toBe('Team Day shift is not one of your teams (you manage Night shift), so you cannot see its report — ask an admin: Dana Admin, Eli.');
    expect(wording(await say(deps, carla, 'audit start 25% team "Day shift"'))).toBe('Team Day shift is not one of your teams (you manage Night shift), so you cannot audit it — ask an admin: Dana Admin, Eli.');
    const after = await storedRows(deps, admin);
    expect({ ...after, audit_events: [] }).toEqual({ ...before, audit_events: [] });
  });
});
