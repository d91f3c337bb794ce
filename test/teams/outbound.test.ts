import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { teamsOutbound } from '../../adapters/teams/outbound.ts';
import { MAX_CHART_DATA_URL } from '../../adapters/teams/outbound/card.ts';
import { teamsOutcome } from '../../adapters/teams/outbound/outcome.ts';
import type { ReminderMessage } from '../../src/reminders/messages.ts';
import { cardOfCall, connectorFailsFirst, fakeConnector, interceptEntraToken, OUTBOUND_CONFIG } from '../support/teams/connector.ts';
import { BOT, messageActivity, postActivity, SERVICE_URL, startTestTeams, TENANT, uniqueId, type TestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const CHANNEL = '19:team-general@thread.tacv2';
const row = (aad: string, name: string) => ({ personId: aad, platformUserId: aad, displayName: name, teams: [], state: 'at_risk' as const, reasons: [], certificate: null, earned: 2, required: 12, snoozedUntil: null });
const digest: ReminderMessage = { kind: 'reminder-digest', channelName: '#General', team: null, asOf: '2027-03-11', private: false, rows: [row('aad-eve', 'Eve <b>Nurse</b>'), row('roster:x@example.com', 'Xavier')], people: 2 };
const dm: ReminderMessage = { kind: 'reminder-dm', asOf: '2027-03-11', offsetDays: -30, snoozeDays: 3, row: row('aad-eve', 'Eve') };

describe('Teams outbound: proactive posts from stored references', () => {
  let teams: TestTeams;
  let organisationId: string;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    teams = await startTestTeams(database.current.db);
    const channel = { conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT } };
    await postActivity(teams.port, { ...messageActivity('', {}, channel), id: uniqueId('cu'), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: BOT }] });
    const org = await database.current.db.selectFrom('organisations').select('id').where('platform', '=', 'teams').where('external_id', '=', TENANT).executeTakeFirstOrThrow();
    organisationId = org.id;
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

  const port = () => teamsOutbound(OUTBOUND_CONFIG, teams.deps, { newNonce: () => 'n1', draw: null });
  const toChannel = (address = CHANNEL) => ({ kind: 'channel', organisationId, tenantKey: TENANT, address }) as const;
  const toEve = () => ({ kind: 'person', organisationId, tenantKey: TENANT, platformUserId: 'aad-eve' }) as const;

  it('posts a channel digest as an Adaptive Card into the installed channel, with the bot\'s token, @mentioning the people', async () => {
    const calls = fakeConnector(() => teams.deps.clock.now().toMillis());
    expect(await port().post(toChannel(), digest)).toEqual({ status: 'sent', messageId: 'activity-1' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ kind: 'post', conversationId: CHANNEL, authorization: 'Bearer outbound-token' });
    expect(calls[0]?.body).not.toHaveProperty('replyToId');
    const card = cardOfCall(calls[0]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    // The mention text appears verbatim in the card and names the person by Entra id; a roster placeholder is not mentioned.
    expect(card.msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Eve bNurse/b</at>', mentioned: { id: 'aad-eve', name: 'Eve bNurse/b' } }] });
    expect(JSON.stringify(card.body)).toContain('<at>Eve bNurse/b</at>');
  });

  it('posts to another channel of the installed team with the team\'s service URL', async () => {
    const calls = fakeConnector(() => 0);
    expect((await port().post(toChannel('19:night-shift@thread.tacv2'), digest)).status).toBe('sent');
    expect(calls.map((c) => c.conversationId)).toEqual(['19:night-shift@thread.tacv2']);
  });

  it('creates the personal chat for a DM when none is stored, stores it, and posts the next DM straight there', async () => {
    const calls = fakeConnector(() => 0);
    expect(await port().post(toEve(), dm)).toEqual({ status: 'sent', messageId: 'activity-2' });
    expect(calls[0]).toMatchObject({ kind: 'create', body: { isGroup: false, members: [{ id: 'aad-eve' }], tenantId: TENANT, bot: { id: BOT } } });
    expect(calls[1]).toMatchObject({ kind: 'post', conversationId: 'a:created-aad-eve' });
    const stored = await database.current.db.selectFrom('teams_conversations').select(['conversation_type', 'aad_object_id', 'service_url', 'active']).where('teams_conversations.organisation_id', '=', organisationId).where('conversation_id', '=', 'a:created-aad-eve').executeTakeFirst();
    expect(stored).toEqual({ conversation_type: 'personal', aad_object_id: 'aad-eve', service_url: SERVICE_URL, active: true });
    await port().post(toEve(), dm);
    expect(calls.slice(2).map((c) => [c.kind, c.conversationId])).toEqual([['post', 'a:created-aad-eve']]);
  });

  it('puts the manager digest\'s chart in its card as an inline PNG (640 × 320) within Teams\' size limits', async () => {
    const calls = fakeConnector(() => 0);
    const weeks = Array.from({ length: 12 }, (_, i) => ({ weekStart: `2027-0${1 + Math.floor(i / 4)}-0${1 + (i % 4) * 2}`, compliant: 30 + i, atRisk: 5 + (i % 3), outOfCompliance: 2 + (i % 2) }));
    const managerDigest: ReminderMessage = { kind: 'manager-digest', asOf: '2027-03-22', counts: { compliant: 41, atRisk: 6, outOfCompliance: 3, total: 50 }, limitedTo: null, rows: [row('aad-eve', 'Eve')], listed: 1, weeks };
    const withChart = teamsOutbound(OUTBOUND_CONFIG, teams.deps, { newNonce: () => 'n1' });
    expect((await withChart.post(toEve(), managerDigest)).status).toBe('sent');
    const image = ((cardOfCall(calls.at(-1)).body ?? []) as { type: string; url?: string }[]).find((e) => e.type === 'Image');
    const url = image?.url ?? '';
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAX_CHART_DATA_URL);
    const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 320]);
    // The whole activity stays well under Teams' message limit.
    expect(Buffer.byteLength(JSON.stringify(calls.at(-1)?.body))).toBeLessThan(40_000);
  }, 30_000);

  it('maps what the connector answers: 429 waits Retry-After; 412 again; 502, 504 unknown; 413 failed', async () => {
    const answers: Record<string, [number, unknown, Record<string, string>?]> = {
      '429': [429, { error: { code: 'Throttled' } }, { 'retry-after': '7' }],
      '412': [412, { error: { code: 'PreconditionFailed' } }],
      '502': [502, 'Bad Gateway'],
      '504': [504, 'Gateway Timeout'],
      '413': [413, { error: { code: 'MessageSizeTooBig', message: 'Message size too large.' } }],
    };
    const expected = { '429': { status: 'rate-limited', retryAfterMs: 7000 }, '412': { status: 'retry', error: '412 PreconditionFailed' }, '502': { status: 'unknown', error: 'HTTP 502' }, '504': { status: 'unknown', error: 'HTTP 504' }, '413': { status: 'failed', error: 'HTTP 413 MessageSizeTooBig' } };
    for (const [code, answer] of Object.entries(answers)) {
      nock.cleanAll();
      interceptEntraToken();
      const calls = fakeConnector(() => 0, () => answer);
      expect(await port().post(toChannel(), digest)).toEqual(expected[code as keyof typeof expected]);
      // One attempt: the connector's own retry policy is off.
      expect(calls).toHaveLength(1);
    }
  }, 30_000);

  it('a connection reset after the request left is unknown (the post may exist), sent once', async () => {
    connectorFailsFirst(1, { code: 'ECONNRESET', message: 'socket hang up' });
    const calls = fakeConnector(() => 0);
    expect(await port().post(toChannel(), digest)).toEqual({ status: 'unknown', error: 'ECONNRESET' });
    expect(calls).toHaveLength(0);
  });

  it('403 MessageWritesBlocked and 404 are permanent, and the conversation is not posted to again', async () => {
    const calls = fakeConnector(() => 0, () => [403, { error: { code: 'MessageWritesBlocked', message: 'Thread is blocked from message writes.' } }]);
    expect(await port().post(toChannel(), digest)).toEqual({ status: 'permanent', error: '403 MessageWritesBlocked' });
    expect(await port().post(toChannel(), digest)).toEqual({ status: 'permanent', error: 'the bot was removed from this conversation' });
    expect(calls).toHaveLength(1);
    nock.cleanAll();
    interceptEntraToken();
    fakeConnector(() => 0, () => [404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } }]);
    expect(await port().post(toEve(), dm)).toEqual({ status: 'permanent', error: '404 ConversationNotFound' });
  });

  it('classifies failures before anything left as safe to send again', () => {
    expect(teamsOutcome(Object.assign(new Error('token failed'), { code: 'invalid_client' }), false, 0)).toEqual({ status: 'retry', error: 'invalid_client' });
    expect(teamsOutcome(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), true, 0)).toEqual({ status: 'retry', error: 'ECONNREFUSED' });
    expect(teamsOutcome(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }), true, 0)).toEqual({ status: 'unknown', error: 'ETIMEDOUT' });
    expect(teamsOutcome({ statusCode: 429, response: { headers: { get: () => 'Wed, 02 Dec 2026 15:00:05 GMT' } } }, true, Date.parse('2026-12-02T15:00:00Z'))).toEqual({ status: 'rate-limited', retryAfterMs: 5000 });
  });
});
