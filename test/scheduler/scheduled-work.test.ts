import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { composeScheduled } from '../../src/reminders/compose-scheduled.ts';
import { latestOccurrence } from '../../src/reminders/scheduled-plans.ts';
import { scheduledWork } from '../../src/scheduler/work.ts';
import { testDeps } from '../builders/deps.ts';
import { givenCertified, givenRemindedOrganisation } from '../builders/reminders.ts';
import { FakeOutbound } from '../fakes/fake-outbound.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
// Monday 15 March 2027, the day after the USA's spring-forward: 08:00 in New York is 12:00 UTC.
const MONDAY_8AM_NY = '2027-03-15T12:00:00Z';
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('the jobs\' work on the database: manager digests, the unknown-deliveries note, snapshots, housekeeping', () => {
  it('a manager digest is planned once at 08:00 local on its weekday (across the clock change), sent with its chart; one set after the time waits a week', async () => {
    const deps = testDeps(database.current.db, '2027-03-15T11:59:00Z');
    const org = await givenRemindedOrganisation(deps);
    await givenCertified(deps, org, 'Ana', '2027-09-01');
    const dana = (await deps.db.selectFrom('people').select(['id', 'platform_user_id']).where('organisation_id', '=', org.organisationId).where('role', '=', 'admin').executeTakeFirstOrThrow());
    const mo = await org.join('Mo Manager');
    await deps.db.updateTable('people').set({ role: 'manager' }).where('organisation_id', '=', org.organisationId).where('id', '=', mo.personId).execute();
    const digest = (personId: string, updatedAt: string) => ({ person_id: personId, organisation_id: org.organisationId, weekday: 1, send_at: '08:00', created_at: at(updatedAt).toJSDate(), updated_at: at(updatedAt).toJSDate() });
    // Dana set hers last week; Mo sets his at 08:30 today, after today's time.
    await deps.db.insertInto('manager_digests').values([digest(dana.id, '2027-03-08T00:00:00Z'), digest(mo.personId, '2027-03-15T12:30:00Z')]).execute();
    const outbound = new FakeOutbound(org.platform, () => deps.clock.now().toMillis(), { perConversationPerSecond: 100 });
    const work = scheduledWork({ ...deps, ports: [outbound], compose: composeScheduled, sleep: async () => {} });

    expect(await work.snapshots(deps.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await work.plan(deps.clock.now())).toEqual({ added: 0, due: false });
    deps.clock.set(MONDAY_8AM_NY);
    expect(await work.plan(deps.clock.now())).toEqual({ added: 1, due: true });
    deps.clock.set('2027-03-15T13:00:00Z');
    expect(await work.plan(deps.clock.now())).toEqual({ added: 0, due: true });
    expect((await work.send()).sent).toBe(1);
    expect(outbound.posts.map((p) => [p.to, p.message.kind])).toEqual([[expect.objectContaining({ kind: 'person', platformUserId: dana.platform_user_id }), 'manager-digest']]);
    expect(outbound.posts[0]?.message).toMatchObject({ kind: 'manager-digest', asOf: '2027-03-15', weeks: [{ weekStart: '2027-03-15' }] });
    expect(outbound.images).toEqual([{ to: expect.objectContaining({ platformUserId: dana.platform_user_id }), image: { kind: 'compliance-chart', title: 'Compliance, last 1 week', weeks: [expect.objectContaining({ weekStart: '2027-03-15' })] } }]);
    // Mo's first digest is next Monday's, 08:00 EDT.
    deps.clock.set('2027-03-22T12:00:00Z');
    expect(await work.plan(deps.clock.now())).toEqual({ added: 2, due: true });
    const keys = await deps.db.selectFrom('reminder_deliveries').select(['key', 'due_at']).where('organisation_id', '=', org.organisationId).where('kind', '=', 'manager-digest').orderBy('key').execute();
    expect(keys.map((k) => k.key).sort()).toEqual([`manager-digest:${dana.id}:2027-03-15`, `manager-digest:${dana.id}:2027-03-22`, `manager-digest:${mo.personId}:2027-03-22`].sort());
  });

  it('the admins\' note lists what became unknown this past week, once a week, and is never a resend of the posts themselves', async () => {
    const deps = testDeps(database.current.db, '2027-03-15T13:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    const ana = await givenCertified(deps, org, 'Ana', '2027-04-14');
    const row = (key: string, finishedDaysAgo: number) => ({
      organisation_id: org.organisationId, key, kind: 'dm', platform: org.platform, person_id: ana.personId, plan: JSON.stringify({ people: [] }), status: 'unknown' as const,
      due_at: deps.clock.now().minus({ days: finishedDaysAgo }).toJSDate(), available_at: deps.clock.now().minus({ days: finishedDaysAgo }).toJSDate(), planned_at: deps.clock.now().minus({ days: finishedDaysAgo }).toJSDate(),
      finished_at: deps.clock.now().minus({ days: finishedDaysAgo }).toJSDate(), last_error: 'socket hang up',
    });
    await deps.db.insertInto('reminder_deliveries').values([row('dm:recent', 2), row('dm:old', 30)]).execute();
    const outbound = new FakeOutbound(org.platform, () => deps.clock.now().toMillis(), { perConversationPerSecond: 100 });
    const work = scheduledWork({ ...deps, ports: [outbound], compose: composeScheduled, sleep: async () => {} });

    expect(await work.unknownNotes(deps.clock.now())).toBe(1);
    expect(await work.unknownNotes(deps.clock.now().plus({ hours: 1 }))).toBe(0);
    expect((await work.send()).sent).toBe(1);
    expect(outbound.posts).toHaveLength(1);
    expect(outbound.posts[0]?.message).toEqual({ kind: 'deliveries-unknown', deliveries: [{ target: 'Ana', what: 'dm', dueAt: '2027-03-13T08:00:00.000-05:00', error: 'socket hang up' }] });
    const statuses = await deps.db.selectFrom('reminder_deliveries').select(['key', 'status']).where('organisation_id', '=', org.organisationId).where('key', 'like', 'dm:%').orderBy('key').execute();
    expect(statuses).toEqual([{ key: 'dm:old', status: 'unknown' }, { key: 'dm:recent', status: 'unknown' }]);
  });

  it('housekeeping through the job prunes replay guards past the retry window', async () => {
    const deps = testDeps(database.current.db, '2027-03-15T13:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    await deps.db.insertInto('processed_inbound').values([{ source: 'slack', inbound_id: 'stale', organisation_id: org.organisationId, received_at: deps.clock.now().minus({ hours: 2 }).toJSDate() }]).execute();
    const work = scheduledWork({ ...deps, ports: [], compose: composeScheduled, sleep: async () => {} });
    expect((await work.houseKeep(deps.clock.now())).processedInbound).toBeGreaterThanOrEqual(1);
    expect(await deps.db.selectFrom('processed_inbound').select('inbound_id').where('organisation_id', '=', org.organisationId).execute()).toEqual([]);
  });
});

describe('latestOccurrence: the last weekly send time not after now, in the zone\'s own rules', () => {
  it('finds Monday 08:00 in New York before and after the clock change, and none before the first', () => {
    expect(latestOccurrence(at('2027-03-15T12:00:00Z'), 1, '08:00', 'America/New_York')).toEqual({ day: '2027-03-15', at: at('2027-03-15T12:00:00Z') });
    expect(latestOccurrence(at('2027-03-15T11:59:00Z'), 1, '08:00', 'America/New_York')).toEqual({ day: '2027-03-08', at: at('2027-03-08T13:00:00Z') });
    // 02:30 does not exist on 14 March 2027 in New York: the next valid minute, 03:00 EDT.
    expect(latestOccurrence(at('2027-03-14T08:00:00Z'), 7, '02:30', 'America/New_York')?.at.toISO()).toBe('2027-03-14T07:00:00.000Z');
  });
});
