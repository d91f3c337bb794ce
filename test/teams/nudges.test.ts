import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nudgesCommand } from '../../adapters/cli/commands/nudges.ts';
import { teamsOutbound } from '../../adapters/teams/outbound.ts';
import { ReminderSender } from '../../src/reminders/send.ts';
import { identify } from '../../src/use-cases/identify.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { cardOfCall, connectorFailsFirst, fakeConnector, interceptEntraToken, OUTBOUND_CONFIG, type ConnectorCall } from '../support/teams/connector.ts';
import { seedTeamsTenant, smallMessages } from '../support/teams/deliveries.ts';
import { BOT, cardAction, cardText, messageActivity, postActivity, startTestTeams, TENANT, uniqueId, type TestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const GENERAL = '19:team-general@thread.tacv2';
const quiet = { out: () => {}, err: () => {} };

/** A channel message @mentioning the bot, typed in a thread of the team's General channel. */
function inChannel(text: string): Record<string, unknown> {
  const conversation = { id: `${GENERAL};messageid=1700000000001`, conversationType: 'channel', tenantId: TENANT };
  return messageActivity(`<at>Recert</at> ${text}`, {}, { conversation, entities: [{ type: 'mention', text: '<at>Recert</at>', mentioned: { id: BOT, name: 'Recert' } }], channelData: { tenant: { id: TENANT }, team: { name: 'Clinic' } } });
}

describe('Teams: reminder runs delivered through the connector', () => {
  let teams: TestTeams;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    teams = await startTestTeams(database.current.db);
  });
  afterAll(async () => {
    await teams.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    nock.cleanAll();
    interceptEntraToken();
  });

  it('`remind here` in a Teams channel subscribes it; `nudges run --now` posts its digest and the DM (chat created) once; a second run sends nothing', async () => {
    const replies = fakeConnector(() => 0);
    const install = { ...messageActivity('', {}, { conversation: { id: GENERAL, conversationType: 'channel', tenantId: TENANT } }), id: uniqueId('cu'), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: BOT }] };
    await postActivity(teams.port, install);
    // Teams says nothing of who administers the tenant yet: the manager is made admin here.
    await sql`update people set role = 'admin' where platform_user_id = 'aad-dana'`.execute(teams.deps.db);
    await postActivity(teams.port, inChannel('remind here 30'));
    expect(cardText(cardOfCall(replies.at(-1)))).toMatch(/#General \(Clinic\)/);
    const deps = teams.deps;
    const { actor } = await identify(deps, { platform: 'teams', organisationExternalId: TENANT, organisationName: TENANT, organisationTimeZone: 'UTC', userExternalId: 'aad-eve', displayName: 'Eve Scribe', timeZone: 'UTC', source: 'teams' });
    await saveCredential(deps, actor, { number: 'CMSS-3030', issuedOn: '2026-04-10', expiresOn: '2027-04-10' });
    const target = await deps.db.selectFrom('reminder_targets').select(['platform', 'address', 'active']).where('organisation_id', '=', actor.organisationId).executeTakeFirst();
    expect(target).toEqual({ platform: 'teams', address: GENERAL, active: true });

    nock.cleanAll();
    interceptEntraToken();
    const calls = fakeConnector(() => 0);
    const run = () => nudgesCommand(deps, { sub: 'run', now: deps.clock.now().set({ year: 2027, month: 3, day: 11, hour: 9, minute: 0 }), org: null }, quiet, [teamsOutbound(OUTBOUND_CONFIG, deps, { draw: null })]);
    expect(await run()).toBe(0);
    const created = calls.find((c) => c.kind === 'create');
    expect(created?.body).toMatchObject({ members: [{ id: 'aad-eve' }], tenantId: TENANT });
    const posts = calls.filter((c) => c.kind === 'post');
    expect(posts.map((c) => c.conversationId).sort()).toEqual([GENERAL, 'a:created-aad-eve'].sort());
    const digest = posts.find((c) => c.conversationId === GENERAL);
    expect(cardText(cardOfCall(digest))).toContain('Eve Scribe');
    expect(cardOfCall(digest).msteams).toMatchObject({ entities: [{ type: 'mention', mentioned: { id: 'aad-eve' } }] });
    const dm = posts.find((c) => c.conversationId === 'a:created-aad-eve');
    expect(cardText(cardOfCall(dm))).toContain('CMSS-3030');
    await run();
    await run();
    expect(calls).toHaveLength(3);
    // The DM's Snooze button is an Action.Execute the adapter answers with the core's snooze.
    const snooze = ((cardOfCall(dm).actions ?? []) as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === 'recert.snooze');
    const pressed = await postActivity(teams.port, cardAction(snooze?.data ?? {}, { aad: 'aad-eve', name: 'Eve Scribe' }));
    expect(pressed.body).toContain('Snoozed');
    const ledger = await deps.db.selectFrom('reminder_deliveries').select(['kind', 'status', 'message_id']).where('organisation_id', '=', actor.organisationId).execute();
    expect(ledger.every((d) => d.status === 'sent' && d.message_id)).toBe(true);
  }, 60_000);

  it('a 429 storm with Retry-After delays the posts and drops none; each person gets one', async () => {
    const deps = testDeps(database.current.db, '2027-01-01T09:00:00Z');
    const seeded = await seedTeamsTenant(deps.db, uniqueId('storm'), 12, 0, deps.clock.now().toJSDate());
    const calls = fakeConnector(() => deps.clock.now().toMillis(), (_call, n) => (n <= 20 ? [429, { error: { code: 'Throttled' } }, { 'retry-after': '3' }] : [200, { id: `activity-${n}` }]));
    const sender = new ReminderSender({ ...deps, ports: [teamsOutbound(OUTBOUND_CONFIG, deps, { draw: null })], compose: smallMessages, sleep: advance(deps) });
    const tally = await sender.drain(120_000);
    expect(tally.sent).toBe(12);
    expect(tally['rate-limited']).toBe(20);
    const delivered = calls.slice(20).map((c) => c.conversationId);
    expect(new Set(delivered).size).toBe(12);
    expect(delivered).toHaveLength(12);
    const statuses = await deps.db.selectFrom('reminder_deliveries').select('status').where('organisation_id', '=', seeded.organisationId).execute();
    expect(statuses.map((s) => s.status)).toEqual(Array(12).fill('sent'));
  }, 60_000);

  it('a connection reset after the request left leaves the delivery `unknown`, and it is not sent again', async () => {
    const deps = testDeps(database.current.db, '2027-01-01T09:00:00Z');
    const seeded = await seedTeamsTenant(deps.db, uniqueId('reset'), 1, 0, deps.clock.now().toJSDate());
    connectorFailsFirst(1, { code: 'ECONNRESET', message: 'socket hang up' });
    const calls = fakeConnector(() => 0);
    const sender = () => new ReminderSender({ ...deps, ports: [teamsOutbound(OUTBOUND_CONFIG, deps, { draw: null })], compose: smallMessages, sleep: advance(deps) });
    expect((await sender().drain(120_000)).unknown).toBe(1);
    deps.clock.advance({ hours: 1 });
    await sender().drain(120_000);
    expect(calls).toHaveLength(0);
    const row = await deps.db.selectFrom('reminder_deliveries').select(['status', 'last_error']).where('organisation_id', '=', seeded.organisationId).executeTakeFirst();
    expect(row).toEqual({ status: 'unknown', last_error: 'ECONNRESET' });
  }, 60_000);

  it('403 MessageWritesBlocked turns the channel target off: its other digests are skipped, nothing more is posted there', async () => {
    const deps = testDeps(database.current.db, '2027-01-01T09:00:00Z');
    const seeded = await seedTeamsTenant(deps.db, uniqueId('blocked'), 2, 3, deps.clock.now().toJSDate());
    const calls = fakeConnector(() => 0, (call, n) => (call.conversationId === seeded.channel ? [403, { error: { code: 'MessageWritesBlocked', message: 'Thread is blocked from message writes.' } }] : [200, { id: `activity-${n}` }]));
    const sender = new ReminderSender({ ...deps, ports: [teamsOutbound(OUTBOUND_CONFIG, deps, { draw: null })], compose: smallMessages, sleep: advance(deps) }, { batch: 100, concurrency: 1, maxWaitMs: 2_000, sendingTimeoutMs: 600_000 });
    const tally = await sender.drain(120_000);
    expect(tally).toMatchObject({ sent: 2, permanent: 1 });
    expect(calls.filter((c) => c.conversationId === seeded.channel)).toHaveLength(1);
    const target = await deps.db.selectFrom('reminder_targets').select(['active', 'inactive_reason']).where('organisation_id', '=', seeded.organisationId).executeTakeFirst();
    expect(target).toEqual({ active: false, inactive_reason: '403 MessageWritesBlocked' });
    const digests = await deps.db.selectFrom('reminder_deliveries').select('status').where('organisation_id', '=', seeded.organisationId).where('kind', '=', 'channel-digest').execute();
    expect(digests.map((d) => d.status).sort()).toEqual(['failed', 'skipped', 'skipped']);
  }, 60_000);

  it('paces to at most 7 posts per second per conversation and 30 per second per tenant (the test\'s clock at nock)', async () => {
    const deps = testDeps(database.current.db, '2027-01-01T09:00:00Z');
    const seeded = await seedTeamsTenant(deps.db, uniqueId('pace'), 40, 20, deps.clock.now().toJSDate());
    const calls = fakeConnector(() => deps.clock.now().toMillis());
    // One worker, so the clock moves only by the pacer's own waits.
    const sender = new ReminderSender({ ...deps, ports: [teamsOutbound(OUTBOUND_CONFIG, deps, { draw: null })], compose: smallMessages, sleep: advance(deps) }, { batch: 100, concurrency: 1, maxWaitMs: 2_000, sendingTimeoutMs: 600_000 });
    expect((await sender.drain(120_000)).sent).toBe(60);
    expect(calls).toHaveLength(60);
    const channel = calls.filter((c) => c.conversationId === seeded.channel);
    expect(channel).toHaveLength(20);
    expect(mostInOneSecond(channel)).toBe(7);
    expect(mostInOneSecond(calls)).toBe(30);
  }, 60_000);
});

/** A sleep that moves the test's clock instead (whole milliseconds: luxon keeps no fraction, so a 0.3 ms wait would never pass). */
function advance(deps: TestDeps): (ms: number) => Promise<void> {
  return async (ms) => deps.clock.advance({ milliseconds: Math.ceil(ms) });
}

/** The most posts within any window shorter than a second (1 ms of slack for the slots' float arithmetic). */
function mostInOneSecond(calls: readonly ConnectorCall[]): number {
  const times = calls.map((c) => c.atMs).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= 999) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
