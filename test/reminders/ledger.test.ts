import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, createPool } from '../../src/db/connection.ts';
import { composeClaimed } from '../../src/reminders/compose-claimed.ts';
import { planRun, recordPlan } from '../../src/reminders/plan-run.ts';
import { ReminderSender } from '../../src/reminders/send.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { givenCertified, givenChannel, givenRemindedOrganisation, setDmPolicy } from '../builders/reminders.ts';
import { FakeOutbound } from '../fakes/fake-outbound.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

function sender(deps: TestDeps, port: FakeOutbound) {
  return new ReminderSender({ ...deps, ports: [port], compose: composeClaimed, sleep: async (ms) => deps.clock.advance({ milliseconds: ms }) });
}

async function statuses(deps: TestDeps, organisationId: string): Promise<Record<string, number>> {
  const rows = await deps.db.selectFrom('reminder_deliveries').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('organisation_id', '=', organisationId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

describe('the delivery ledger: planned once, sent once', () => {
  it('plans a step once however often planning runs, and moves the watermark in the same transaction', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    await givenCertified(deps, org, 'Ana', '2026-08-31');
    deps.clock.set('2026-07-02T13:30:00Z'); // 09:30 in New York, 60 days before 2026-08-31
    const first = await planRun(deps, deps.clock.now(), org);
    expect(first.deliveries.map((d) => d.delivery.key)).toEqual([expect.stringMatching(/^dm:.*:before-60$/)]);
    expect(await recordPlan(deps.db, first)).toBe(1);
    expect(await recordPlan(deps.db, await planRun(deps, deps.clock.now(), org))).toBe(0);
    const settings = await deps.db.selectFrom('reminder_settings').select(['planned_through', 'dm_policy']).where('organisation_id', '=', org.organisationId).executeTakeFirstOrThrow();
    expect(settings.planned_through?.toISOString()).toBe('2026-07-02T13:30:00.000Z');
    expect(settings.dm_policy).not.toBeNull();
  });

  it('two processes planning at once insert each delivery once', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    for (let i = 0; i < 20; i += 1) await givenCertified(deps, org, `P${i}`, '2026-08-31');
    const other = createDb(createPool({ connectionString: database.current.connectionString, max: 2 }));
    try {
      deps.clock.set('2026-07-02T13:30:00Z');
      for (let round = 0; round < 5; round += 1) {
        const now = deps.clock.now().plus({ minutes: round });
        await Promise.all([recordPlan(deps.db, await planRun(deps, now, org)), recordPlan(other, await planRun({ ...deps, db: other }, now, org))]);
      }
      expect(await statuses(deps, org.organisationId)).toEqual({ pending: 20 });
    } finally {
      await other.destroy();
    }
  });

  it('after a 3-day outage sends one digest per channel (the latest step only), then nothing more', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    await setDmPolicy(deps, org.organisationId, null);
    await givenChannel(deps, org.organisationId, org.platform, 'C1');
    await givenChannel(deps, org.organisationId, org.platform, 'C2');
    // Steps at 14 and 7 days before 2026-07-20 (July 6 and 13) and others on the days in between.
    await givenCertified(deps, org, 'Ana', '2026-07-20');
    await givenCertified(deps, org, 'Ben', '2026-07-14');
    await givenCertified(deps, org, 'Cy', '2026-07-13');
    deps.clock.set('2026-07-10T12:00:00Z');
    await recordPlan(deps.db, await planRun(deps, deps.clock.now(), org));
    await deps.db.deleteFrom('reminder_deliveries').where('organisation_id', '=', org.organisationId).execute();
    // Down from July 10 12:00 to July 13 15:00 UTC: Ben's 1-day and Cy's 0-day steps and Ana's 7-day step all came due.
    deps.clock.set('2026-07-13T15:00:00Z');
    const run = await planRun(deps, deps.clock.now(), org);
    expect(run.deliveries).toHaveLength(2);
    expect(run.deliveries.map((d) => d.delivery.people.length)).toEqual([3, 3]);
    await recordPlan(deps.db, run);
    const port = new FakeOutbound(org.platform, () => deps.clock.now().toMillis());
    await sender(deps, port).drain(60_000);
    expect(port.posts.map((p) => (p.to.kind === 'channel' ? p.to.address : '')).sort()).toEqual(['C1', 'C2']);
    await recordPlan(deps.db, await planRun(deps, deps.clock.now().plus({ minutes: 1 }), org));
    await sender(deps, port).drain(60_000);
    expect(port.posts).toHaveLength(2);
  });

  it('a delivery nobody needs at send time is skipped with the composer\'s reason, nothing posted', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    await givenCertified(deps, org, 'Ana', '2026-08-31');
    deps.clock.set('2026-07-02T13:30:00Z');
    await recordPlan(deps.db, await planRun(deps, deps.clock.now(), org));
    await setDmPolicy(deps, org.organisationId, null);
    const port = new FakeOutbound(org.platform, () => deps.clock.now().toMillis());
    const tally = await sender(deps, port).drain(60_000);
    expect(tally.skipped).toBe(1);
    expect(port.posts).toHaveLength(0);
    const rows = await deps.db.selectFrom('reminder_deliveries').select(['status', 'last_error']).where('organisation_id', '=', org.organisationId).execute();
    expect(rows).toEqual([{ status: 'skipped', last_error: 'dms-off' }]);
  });

  it('a 429 storm delays posts by Retry-After and drops none; each conversation is paced to 1 per second', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    for (let i = 0; i < 30; i += 1) await givenCertified(deps, org, `P${i}`, '2026-08-31');
    deps.clock.set('2026-07-02T13:30:00Z');
    await recordPlan(deps.db, await planRun(deps, deps.clock.now(), org));
    const port = new FakeOutbound(org.platform, () => deps.clock.now().toMillis());
    // Two of every three attempts are refused with a 429 and a 3-second Retry-After.
    port.script = (_post, n) => (n % 3 !== 0 ? { status: 'rate-limited', retryAfterMs: 3_000 } : { status: 'sent', messageId: `m-${n}` });
    const start = deps.clock.now().toMillis();
    const tally = await sender(deps, port).drain(10 * 60_000);
    expect(tally.sent).toBe(30);
    expect(tally['rate-limited']).toBeGreaterThan(0);
    expect(await statuses(deps, org.organisationId)).toEqual({ sent: 30 });
    expect(deps.clock.now().toMillis() - start).toBeGreaterThanOrEqual(3_000);
    const sentTo = new Set(port.posts.map((p) => (p.to.kind === 'person' ? p.to.platformUserId : '')));
    expect(sentTo.size).toBe(30);
  });

  it('a connection reset after the request left is unknown and never resent; a stale sending row becomes unknown', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    await givenCertified(deps, org, 'Ana', '2026-08-31');
    await givenCertified(deps, org, 'Ben', '2026-08-31');
    deps.clock.set('2026-07-02T13:30:00Z');
    await recordPlan(deps.db, await planRun(deps, deps.clock.now(), org));
    const port = new FakeOutbound(org.platform, () => deps.clock.now().toMillis());
    port.script = () => ({ status: 'unknown', error: 'ECONNRESET after the request was sent' });
    await sender(deps, port).drain(60_000);
    await sender(deps, port).drain(60_000);
    expect(port.posts).toHaveLength(2);
    expect(await statuses(deps, org.organisationId)).toEqual({ unknown: 2 });
    // A process that died mid-call: its row stays `sending` until the timeout, then is listed as unknown.
    await sql`update reminder_deliveries set status = 'sending', sending_at = ${deps.clock.now().toJSDate()} where organisation_id = ${org.organisationId}`.execute(deps.db);
    deps.clock.advance({ minutes: 11 });
    await sender(deps, port).drain(60_000);
    expect(port.posts).toHaveLength(2);
    const rows = await deps.db.selectFrom('reminder_deliveries').select(['status', 'last_error']).where('organisation_id', '=', org.organisationId).execute();
    expect(rows.every((r) => r.status === 'unknown' && /stopped/.test(r.last_error ?? ''))).toBe(true);
  });

  it('a permanent error stops the channel: target inactive, its other deliveries skipped, nothing more posted there', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    const org = await givenRemindedOrganisation(deps);
    await setDmPolicy(deps, org.organisationId, null);
    const target = await givenChannel(deps, org.organisationId, org.platform, 'CGONE');
    await givenCertified(deps, org, 'Ana', '2026-08-31');
    await givenCertified(deps, org, 'Ben', '2026-08-01');
    deps.clock.set('2026-07-02T13:30:00Z');
    await recordPlan(deps.db, await planRun(deps, deps.clock.now(), org));
    const port = new FakeOutbound(org.platform, () => deps.clock.now().toMillis());
    port.script = () => ({ status: 'permanent', error: 'is_archived' });
    await sender(deps, port).drain(60_000);
    const stored = await deps.db.selectFrom('reminder_targets').select(['active', 'inactive_reason']).where('organisation_id', '=', org.organisationId).where('id', '=', target).executeTakeFirstOrThrow();
    expect(stored).toEqual({ active: false, inactive_reason: 'is_archived' });
    // Ben's 30-day step comes due: the stopped channel gets nothing.
    deps.clock.set('2026-07-02T13:31:00Z');
    await recordPlan(deps.db, await planRun(deps, deps.clock.now(), org));
    await sender(deps, port).drain(60_000);
    expect(port.posts).toHaveLength(1);
    expect(await statuses(deps, org.organisationId)).toEqual({ failed: 1 });
  });
});
