import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createSchedulerAdapter } from '../../adapters/scheduler/scheduler-adapter.ts';
import { createDb, createPool, type Db } from '../../src/db/connection.ts';
import type { ReminderMessage } from '../../src/reminders/messages.ts';
import type { ComposeFn } from '../../src/reminders/send.ts';
import { JOBS } from '../../src/scheduler/scheduler.ts';
import { testDeps } from '../builders/deps.ts';
import { givenRemindedOrganisation } from '../builders/reminders.ts';
import { FakeOutbound } from '../fakes/fake-outbound.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { until } from './until.ts';

const database = useTestDatabase();
const ROUNDS = Number(process.env.SCHEDULER_ROUNDS ?? 20);
const PER_ROUND = 30;

/** The engine is under test, not the words: every claimed delivery gets the same small DM. */
const anyMessage: ComposeFn = async (_deps, _org, deliveries) =>
  deliveries.map((delivery) => ({
    delivery,
    message: { kind: 'reminder-dm', asOf: '2027-01-01', offsetDays: -30, snoozeDays: 3, row: { personId: delivery.personId ?? '', platformUserId: 'U', displayName: 'Someone', teams: [], state: 'at_risk', reasons: [], certificate: null, earned: 0, required: 12 } } satisfies ReminderMessage,
  }));

// The embedded database serves one process (docs/architecture.md): sharing is PostgreSQL's.
describe.skipIf(!process.env.DATABASE_URL)('three `serve` schedulers (three pg-boss instances, three pools) on one PostgreSQL', () => {
  it(`share the send jobs with no double post, ${ROUNDS} rounds of ${PER_ROUND} due deliveries`, async () => {
    const deps = testDeps(database.current.db, '2027-01-01T14:00:00Z');
    const org = await givenRemindedOrganisation(deps, 'UTC');
    await sql`insert into people (organisation_id, platform_user_id, display_name, role, created_at)
      select ${org.organisationId}, 'U' || lpad(i::text, 5, '0'), 'P' || i, 'scribe', now() from generate_series(1, ${ROUNDS * PER_ROUND}) i`.execute(deps.db);
    const people = (await sql<{ id: string }>`select id from people where organisation_id = ${org.organisationId} and platform_user_id like 'U0%' order by platform_user_id`.execute(deps.db)).rows.map((r) => r.id);
    const pools: Db[] = [0, 1, 2].map(() => createDb(createPool({ connectionString: database.current.connectionString, max: 3 })));
    const ports = pools.map(() => new FakeOutbound(org.platform, () => deps.clock.now().toMillis(), { perConversationPerSecond: 100 }));
    // Each post takes a little while, as a real one does, so the three really overlap.
    for (const port of ports) port.script = async (_post, n) => (await new Promise((resolve) => setTimeout(resolve, 2)), { status: 'sent', messageId: `m-${n}` });
    const schedulers = pools.map((db, i) =>
      createSchedulerAdapter({ core: { ...deps, db }, connectionString: database.current.connectionString, ports: [ports[i] as FakeOutbound], pollSeconds: 0.5, connections: 2, sleep: async () => {}, compose: anyMessage, sendOptions: { batch: 5, concurrency: 2, maxWaitMs: 2_000, sendingTimeoutMs: 600_000 } }),
    );
    await Promise.all(schedulers.map((s) => s.start()));
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const ids = people.slice(round * PER_ROUND, (round + 1) * PER_ROUND);
        await sql`insert into reminder_deliveries (organisation_id, key, kind, platform, person_id, plan, due_at, status, available_at, planned_at)
          select ${org.organisationId}, 'dm:' || id, 'dm', ${org.platform}, id, '{"people":[]}', ${deps.clock.now().toJSDate()}, 'pending', ${deps.clock.now().toJSDate()}, now()
          from unnest(${ids}::uuid[]) id`.execute(deps.db);
        // Any process's plan job (the minute's tick) finds them due and queues the send jobs.
        await schedulers[round % 3]?.queue.send(JOBS.plan);
        await until(async () => (await open(deps.db, org.organisationId)) === 0, `round ${round}`);
      }
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
      await Promise.all(pools.map((db) => db.destroy()));
    }
    const posted = ports.flatMap((p) => p.posts.map((post) => (post.to.kind === 'person' ? post.to.platformUserId : '?')));
    expect(posted).toHaveLength(ROUNDS * PER_ROUND);
    expect(new Set(posted).size).toBe(ROUNDS * PER_ROUND);
    // The work was shared: more than one process posted.
    expect(ports.filter((p) => p.posts.length > 0).length).toBeGreaterThan(1);
    const statuses = await deps.db.selectFrom('reminder_deliveries').select('status').distinct().where('organisation_id', '=', org.organisationId).execute();
    expect(statuses).toEqual([{ status: 'sent' }]);
  }, 120_000);
});

async function open(db: Db, organisationId: string): Promise<number> {
  const result = await sql<{ n: string }>`select count(*) as n from reminder_deliveries where organisation_id = ${organisationId} and status in ('pending', 'sending')`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
