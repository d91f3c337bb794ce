import { describe, expect, it } from 'vitest';
import { createSchedulerAdapter } from '../../adapters/scheduler/scheduler-adapter.ts';
import { JOBS } from '../../src/scheduler/scheduler.ts';
import { testDeps } from '../builders/deps.ts';
import { givenCertified, givenRemindedOrganisation } from '../builders/reminders.ts';
import { FakeOutbound } from '../fakes/fake-outbound.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { until } from './until.ts';

const database = useTestDatabase();
// 09:05 UTC on the day Ana's certificate is 30 days from expiry: her 30-day DM (09:00 in her zone) is due.
const NOW = '2027-01-01T09:05:00Z';

describe('the scheduler on pg-boss against the test database', () => {
  it('a plan job puts the due reminder in the ledger and the send jobs post it exactly once', async () => {
    const deps = testDeps(database.current.db, NOW);
    const org = await givenRemindedOrganisation(deps, 'UTC');
    const ana = await givenCertified(deps, org, 'Ana', '2027-01-31');
    const outbound = new FakeOutbound(org.platform, () => deps.clock.now().toMillis(), { perConversationPerSecond: 100 });
    const scheduler = createSchedulerAdapter({ core: deps, connectionString: database.current.connectionString, ports: [outbound], pollSeconds: 0.5, connections: 3, sleep: async () => {} });
    await scheduler.start();
    try {
      await scheduler.queue.send(JOBS.plan);
      await until(async () => outbound.posts.length > 0, 'the DM');
      // Planning again (the next minute's job) finds the key recorded and sends nothing new.
      await scheduler.queue.send(JOBS.plan);
      await until(async () => !(await pendingJobs(deps.db)), 'the second plan job');
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await scheduler.stop();
    }
    expect(outbound.posts).toHaveLength(1);
    expect(outbound.posts[0]).toMatchObject({ to: { kind: 'person', platformUserId: expect.stringContaining('ana') }, message: { kind: 'reminder-dm', offsetDays: -30 } });
    const rows = await deps.db.selectFrom('reminder_deliveries').select(['status', 'kind', 'person_id']).where('organisation_id', '=', org.organisationId).execute();
    expect(rows).toEqual([{ status: 'sent', kind: 'dm', person_id: ana.personId }]);
    expect(deps.log.lines.filter((e) => e.level === 'error')).toEqual([]);
  }, 60_000);
});

/** Jobs of ours still waiting or running in pg-boss. */
async function pendingJobs(db: ReturnType<typeof testDeps>['db']): Promise<boolean> {
  const { sql } = await import('kysely');
  const result = await sql<{ n: string }>`select count(*) as n from pgboss.job where state in ('created', 'active', 'retry') and name not like '\\_\\_%'`.execute(db);
  return Number(result.rows[0]?.n ?? 0) > 0;
}
