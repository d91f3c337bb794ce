import nock from 'nock';
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { nudgesCommand } from '../../adapters/cli/commands/nudges.ts';
import { singleWorkspaceClients } from '../../adapters/slack/clients.ts';
import { ErrorCode } from '@slack/web-api';
import { slackOutbound, slackOutcome } from '../../adapters/slack/outbound.ts';
import type { ReminderMessage } from '../../src/reminders/messages.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { identify } from '../../src/use-cases/identify.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';

const database = useTestDatabase();
const port = () => slackOutbound(singleWorkspaceClients('xoxb-test', 'U0BOT', { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }));
const to = { kind: 'channel', organisationId: 'o', tenantKey: 'T1', address: 'C1' } as const;
const message: ReminderMessage = { kind: 'reminder-digest', channelName: '#scribes', team: null, asOf: '2027-03-27', private: false, rows: [], people: 0 };

describe('Slack: reminders through chat.postMessage', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  const cases: [string, (scope: nock.Interceptor) => nock.Scope, unknown][] = [
    ['429 → wait Retry-After', (i) => i.reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '3' }), { status: 'rate-limited', retryAfterMs: 3000 }],
    ['archived → permanent', (i) => i.reply(200, { ok: false, error: 'is_archived' }), { status: 'permanent', error: 'is_archived' }],
    ['another refusal → failed, the target kept', (i) => i.reply(200, { ok: false, error: 'msg_too_long' }), { status: 'failed', error: 'msg_too_long' }],
    ['sent → its ts', (i) => i.reply(200, { ok: true, ts: '1700000000.000200' }), { status: 'sent', messageId: '1700000000.000200' }],
  ];
  for (const [name, answer, outcome] of cases) {
    it(`maps what Slack answers: ${name}`, async () => {
      answer(nock('https://slack.com').post('/api/chat.postMessage'));
      expect(await port().post(to, message)).toEqual(outcome);
    }, 8_000);
  }

  it('uploads the manager digest\'s chart as a PNG through files.uploadV2 (the chart drawn server-side)', async () => {
    nock('https://slack.com').post('/api/files.getUploadURLExternal').reply(200, { ok: true, upload_url: 'https://files.slack.com/upload/v1/abc', file_id: 'F1' });
    const upload = nock('https://files.slack.com').post('/upload/v1/abc').reply(200, 'OK');
    nock('https://slack.com').post('/api/files.completeUploadExternal').reply(200, { ok: true, files: [{ id: 'F1' }] });
    const weeks = [{ weekStart: '2027-03-15', compliant: 3, atRisk: 1, outOfCompliance: 1 }, { weekStart: '2027-03-22', compliant: 4, atRisk: 1, outOfCompliance: 0 }];
    const outcome = await port().uploadImage(to, { kind: 'compliance-chart', title: 'Compliance, last 2 weeks', weeks });
    expect(outcome).toEqual({ status: 'sent', messageId: 'F1' });
    expect(upload.isDone()).toBe(true);
  }, 20_000);

  // nock's replyWithError never settles under the Web API's fetch, so the transport failures are the Web API's own error shape.
  it('maps transport failures: reset or timeout after the request left → unknown; refused before it → retry', () => {
    const requestError = (code: string) => ({ code: ErrorCode.RequestError, original: Object.assign(new TypeError('fetch failed'), { cause: { code } }) });
    expect(slackOutcome(requestError('ECONNRESET'))).toEqual({ status: 'unknown', error: 'ECONNRESET' });
    expect(slackOutcome(requestError('ETIMEDOUT'))).toEqual({ status: 'unknown', error: 'ETIMEDOUT' });
    expect(slackOutcome(requestError('ECONNREFUSED'))).toEqual({ status: 'retry', error: 'ECONNREFUSED' });
    expect(slackOutcome({ code: ErrorCode.HTTPError, statusCode: 503 }).status).toBe('unknown');
  });

  it('`nudges run --now` posts the DM at 09:00 New York after the spring-forward change, once however often it runs', async () => {
    const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const team = `T${Date.now()}`;
    const { actor } = await identify(deps, { platform: 'slack', organisationExternalId: team, organisationName: 'Clinic', organisationTimeZone: 'America/New_York', userExternalId: 'U0ANA', displayName: 'Ana', timeZone: 'America/New_York', source: 'slack' });
    await saveCredential(deps, actor, { number: 'CMSS-777', issuedOn: '2026-04-10', expiresOn: '2027-04-10' });
    const posts: Record<string, unknown>[] = [];
    nock('https://slack.com')
      .persist()
      .post('/api/chat.postMessage', (body: Record<string, unknown>) => posts.push(body) > 0)
      .reply(200, { ok: true, ts: '1700000000.000300' });
    const io = { out: () => {}, err: () => {} };
    const org = `slack:${team}`;
    await nudgesCommand(deps, { sub: 'run', now: deps.clock.now().set({ year: 2027, month: 3, day: 27, hour: 12, minute: 59 }), org: null }, io, [port()]);
    expect(posts.filter((p) => p.channel === 'U0ANA')).toHaveLength(0);
    for (let i = 0; i < 3; i += 1) await nudgesCommand(deps, { sub: 'run', now: deps.clock.now().set({ year: 2027, month: 3, day: 27, hour: 13, minute: 0 }), org: null }, io, [port()]);
    expect(posts.filter((p) => p.channel === 'U0ANA')).toHaveLength(1);
    const lines: string[] = [];
    await nudgesCommand(deps, { sub: 'status', now: null, org }, { out: (l) => lines.push(l), err: () => {} }, []);
    expect(lines.join('\n')).toContain('Ana (DM): sent 1');
  });
});
