import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleWorkspaceClients } from '../../adapters/slack/clients.ts';
import { slackOutbound } from '../../adapters/slack/outbound.ts';
import { createDb, createPool } from '../../src/db/connection.ts';
import type { ReminderMessage } from '../../src/reminders/messages.ts';
import { ReminderSender, type ComposeFn } from '../../src/reminders/send.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
/**
 * 200 deliveries by default: 8 batches of 25 for three workers of 4 concurrent sends each, enough for
 * them to claim at the same time and to need more than one worker. 1,000 deliveries by default (issue 8's size); `RACE_N=200` for a quick local loop.
 */
const DELIVERIES = Number(process.env.RACE_N ?? 1000);

/** The engine is under test here, not the words: every claimed delivery gets the same small message. */
const anyMessage: ComposeFn = async (_deps, _org, deliveries) =>
  deliveries.map((delivery) => ({
    delivery,
    message: { kind: 'reminder-dm', asOf: '2027-01-01', offsetDays: -30, snoozeDays: 3, row: { personId: delivery.personId ?? '', platformUserId: 'U', displayName: 'Someone', teams: [], state: 'at_risk', reasons: [], certificate: null, earned: 0, required: 12 } } satisfies ReminderMessage,
  }));

describe(`three workers racing on ${DELIVERIES} due deliveries`, () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('post each exactly once (requests counted at nock)', async () => {
    const deps = testDeps(database.current.db, '2027-01-01T14:00:00Z');
    const org = await sql<{ id: string }>`insert into organisations (platform, external_id, name, time_zone, created_at) values ('slack', ${`T${Date.now()}`}, 'Race', 'UTC', now()) returning id`.execute(deps.db);
    const organisationId = org.rows[0]?.id ?? '';
    await sql`insert into people (organisation_id, platform_user_id, display_name, role, created_at)
      select ${organisationId}, 'U' || lpad(i::text, 5, '0'), 'P' || i, 'scribe', now() from generate_series(1, ${DELIVERIES}) i`.execute(deps.db);
    await sql`insert into reminder_deliveries (organisation_id, key, kind, platform, person_id, plan, due_at, status, available_at, planned_at)
      select ${organisationId}, 'dm:' || p.id, 'dm', 'slack', p.id, '{"people":[]}', ${deps.clock.now().toJSDate()}, 'pending', ${deps.clock.now().toJSDate()}, now()
      from people p where p.organisation_id = ${organisationId}`.execute(deps.db);
    const posted = new Map<string, number>();
    nock('https://slack.com')
      .persist()
      .post('/api/chat.postMessage', (body: Record<string, unknown>) => {
        const channel = String(body.channel);
        posted.set(channel, (posted.get(channel) ?? 0) + 1);
        return true;
      })
      .reply(200, { ok: true, ts: '1700000000.000100' });
    const port = slackOutbound(singleWorkspaceClients('xoxb-test', 'U0BOT', { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }));
    const pools = [0, 1, 2].map(() => createDb(createPool({ connectionString: database.current.connectionString, max: 3 })));
    try {
      const workers = pools.map((db) => new ReminderSender({ ...deps, db, ports: [port], compose: anyMessage, sleep: async () => {} }, { batch: 25, concurrency: 4, maxWaitMs: 2_000, sendingTimeoutMs: 600_000 }));
      const tallies = await Promise.all(workers.map((w) => w.sendDue()));
      expect(tallies.reduce((n, t) => n + t.sent, 0)).toBe(DELIVERIES);
      expect(tallies.filter((t) => t.sent > 0).length).toBeGreaterThan(1);
    } finally {
      await Promise.all(pools.map((db) => db.destroy()));
    }
    expect(posted.size).toBe(DELIVERIES);
    expect([...posted.values()].every((n) => n === 1)).toBe(true);
    const statuses = await deps.db.selectFrom('reminder_deliveries').select(['status', 'message_id']).where('organisation_id', '=', organisationId).execute();
    expect(statuses.every((s) => s.status === 'sent' && s.message_id)).toBe(true);
  }, 240_000);
});
