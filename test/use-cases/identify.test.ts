import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { identify, type IdentifyInput } from '../../src/use-cases/identify.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { QueryCounter } from '../fakes/query-counter.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

function input(overrides: Partial<IdentifyInput> = {}): IdentifyInput {
  return {
    platform: 'slack',
    organisationExternalId: `T-${randomUUID()}`,
    organisationName: 'Clinic',
    organisationTimeZone: 'UTC',
    userExternalId: `U-${randomUUID().slice(0, 8)}`,
    displayName: 'Dana Scribe',
    timeZone: 'America/New_York',
    source: 'slack',
    ...overrides,
  };
}

async function storedPeople(db: Db, organisationId: string, userId: string) {
  return db.selectFrom('people').select(['id', 'display_name', 'time_zone', 'role', 'greeted_at']).where('organisation_id', '=', organisationId).where('platform_user_id', '=', userId).execute();
}

async function organisationZone(db: Db, organisationId: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('time_zone').where('id', '=', organisationId).executeTakeFirst())?.time_zone;
}

describe('identify', () => {
  let deps: TestDeps;
  let counter: QueryCounter;
  let counted: TestDeps;

  beforeEach(() => {
    deps = testDeps(database.current.db);
    counter = new QueryCounter();
    counted = { ...deps, db: database.current.db.withPlugin(counter) };
  });

  it('creates the organisation and person on first contact, and greets once', async () => {
    const request = input();
    const first = await identify(deps, request);
    const second = await identify(deps, request);
    expect([first.firstContact, second.firstContact]).toEqual([true, false]);
    expect(second.actor).toEqual(first.actor);
    expect(first.actor).toMatchObject({ displayName: 'Dana Scribe', role: 'scribe', timeZone: 'America/New_York', source: 'slack' });
    expect(await storedPeople(deps.db, first.actor.organisationId, request.userExternalId)).toHaveLength(1);
  });

  it('costs a known, unchanged person one read and no write', async () => {
    const request = input();
    const { actor } = await identify(deps, request);
    counter.reset();
    const again = await identify(counted, { ...request, requestId: 'Ev1' });
    expect(counter.kinds).toEqual(['SelectQueryNode']);
    expect(again).toEqual({ actor: { ...actor, requestId: 'Ev1' }, firstContact: false });
  });

  it('writes nothing when the platform does not say the zone, or says one that does not exist', async () => {
    const request = input();
    await identify(deps, request);
    counter.reset();
    const unknown = await identify(counted, { ...request, timeZone: null });
    const invalid = await identify(counted, { ...request, timeZone: 'Mars/Olympus_Mons' });
    expect(counter.writes).toBe(0);
    expect([unknown.actor.timeZone, invalid.actor.timeZone]).toEqual(['America/New_York', 'America/New_York']);
  });

  it('writes a changed display name and a changed zone, and never the role', async () => {
    const request = input();
    const { actor } = await identify(deps, request);
    await deps.db.updateTable('people').set({ role: 'manager' }).where('organisation_id', '=', actor.organisationId).where('id', '=', actor.personId).execute();
    counter.reset();
    const renamed = await identify(counted, { ...request, displayName: '  Dana Q. Scribe ', timeZone: 'Europe/Paris', role: 'admin' });
    expect(counter.kinds).toEqual(['SelectQueryNode', 'UpdateQueryNode']);
    expect(renamed.actor).toMatchObject({ displayName: 'Dana Q. Scribe', timeZone: 'Europe/Paris', role: 'manager' });
    expect(await storedPeople(deps.db, actor.organisationId, request.userExternalId)).toMatchObject([{ display_name: 'Dana Q. Scribe', time_zone: 'Europe/Paris', role: 'manager' }]);
    expect((await identify(deps, request)).actor).toMatchObject({ displayName: 'Dana Scribe', timeZone: 'America/New_York', role: 'manager' });
  });

  it('adds a new person to a known organisation, keeping its stored name and zone', async () => {
    const request = input({ organisationTimeZone: 'America/Chicago' });
    const first = await identify(deps, request);
    const second = await identify(deps, input({ organisationExternalId: request.organisationExternalId, organisationTimeZone: 'Asia/Tokyo', timeZone: null }));
    expect(second).toMatchObject({ firstContact: true, actor: { organisationId: first.actor.organisationId, timeZone: 'America/Chicago' } });
    expect(second.actor.personId).not.toBe(first.actor.personId);
  });

  it('follows the configured terminal zone, writing only when it changed', async () => {
    const request = input({ platform: 'shell', organisationTimeZone: 'America/New_York', timeZone: null, organisationZoneIsConfigured: true });
    const { actor } = await identify(deps, request);
    counter.reset();
    await identify(counted, request);
    expect(counter.writes).toBe(0);
    const moved = await identify(counted, { ...request, organisationTimeZone: 'America/Denver' });
    expect(counter.kinds).toEqual(['SelectQueryNode', 'SelectQueryNode', 'UpdateQueryNode']);
    expect(moved.actor.timeZone).toBe('America/Denver');
    expect(await organisationZone(deps.db, actor.organisationId)).toBe('America/Denver');
    // Without the configuration flag (Slack, Teams), a stated organisation zone changes nothing.
    await identify(deps, { ...request, organisationTimeZone: 'Asia/Tokyo', organisationZoneIsConfigured: false });
    expect(await organisationZone(deps.db, actor.organisationId)).toBe('America/Denver');
  });

  it.each([
    ['a new organisation', false],
    ['a known organisation', true],
  ])('twenty first messages at once, in %s, make one person and one greeting', async (_name, orgExists) => {
    for (let round = 0; round < 5; round += 1) {
      const request = input();
      if (orgExists) await identify(deps, { ...request, userExternalId: 'someone-else' });
      const results = await Promise.all(Array.from({ length: 20 }, () => identify(deps, request)));
      const people = await storedPeople(deps.db, results[0]?.actor.organisationId ?? '', request.userExternalId);
      expect(people).toHaveLength(1);
      expect(new Set(results.map((r) => r.actor.personId))).toEqual(new Set([people[0]?.id]));
      expect(new Set(results.map((r) => r.actor.organisationId)).size).toBe(1);
      expect(results.filter((r) => r.firstContact)).toHaveLength(1);
    }
  });
});
