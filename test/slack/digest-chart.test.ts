import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { singleWorkspaceClients } from '../../adapters/slack/clients.ts';
import { slackOutbound } from '../../adapters/slack/outbound.ts';
import { composeScheduled } from '../../src/reminders/compose-scheduled.ts';
import type { ReminderMessage } from '../../src/reminders/messages.ts';
import { scheduledWork } from '../../src/scheduler/work.ts';
import { testDeps } from '../builders/deps.ts';
import { givenCertified, givenRemindedOrganisation } from '../builders/reminders.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const port = () => slackOutbound(singleWorkspaceClients('xoxb-test', 'U0BOT', { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }));
const weeks = [{ weekStart: '2027-03-15', compliant: 3, atRisk: 1, outOfCompliance: 1 }];
const digest: ReminderMessage = { kind: 'reminder-digest', channelName: '#scribes', team: null, asOf: '2027-03-15', private: false, rows: [], people: 0 };

interface Call {
  readonly path: string;
  readonly body: Record<string, string>;
}

/** The Web API a DM digest and its chart go through; the DM's channel is `D` + the user id. */
function interceptSlack(): Call[] {
  const calls: Call[] = [];
  const form = async (req: Request) => Object.fromEntries(new URLSearchParams(await req.text()));
  nock('https://slack.com')
    .persist()
    .post('/api/chat.postMessage')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      calls.push({ path: 'chat.postMessage', body });
      // Slack answers a post to a user id with the DM's channel id.
      return { ok: true, ts: '1.1', channel: /^[CD]/.test(body.channel ?? '') ? body.channel : `D${body.channel ?? ''}` };
    })
    .post('/api/conversations.open')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      calls.push({ path: 'conversations.open', body });
      return { ok: true, channel: { id: `D${body.users ?? ''}` } };
    })
    .post('/api/files.getUploadURLExternal')
    .reply(200, async (req: Request) => {
      calls.push({ path: 'files.getUploadURLExternal', body: await form(req) });
      return { ok: true, upload_url: 'https://files.slack.com/upload/v1/F1', file_id: 'F1' };
    })
    .post('/api/files.completeUploadExternal')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      calls.push({ path: 'files.completeUploadExternal', body });
      return { ok: true, files: [{ id: 'F1' }] };
    });
  nock('https://files.slack.com')
    .persist()
    .post('/upload/v1/F1')
    .reply(200, () => {
      calls.push({ path: 'upload', body: {} });
      return 'OK';
    });
  return calls;
}

const completedIn = (calls: readonly Call[]) => calls.find((c) => c.path === 'files.completeUploadExternal')?.body.channel_id;

describe('Slack: a DM digest\'s chart is uploaded to the DM channel (D…), never to the user id', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('after the digest\'s post, a post to the user and the upload goes to the channel chat.postMessage answered with (no conversations.open)', async () => {
    const calls = interceptSlack();
    const slack = port();
    const to = { kind: 'person', organisationId: 'o', tenantKey: 'T1', platformUserId: 'U0DANA' } as const;
    expect(await slack.post(to, digest)).toMatchObject({ status: 'sent' });
    expect(await slack.uploadImage(to, { kind: 'compliance-chart', title: 'Compliance, last 1 week', weeks })).toEqual({ status: 'sent', messageId: 'F1' });
    expect(completedIn(calls)).toBe('DU0DANA');
    expect(calls.map((c) => c.path)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
  }, 20_000);

  it('without a post seen by this process, the DM is opened with conversations.open first', async () => {
    const calls = interceptSlack();
    const to = { kind: 'person', organisationId: 'o', tenantKey: 'T1', platformUserId: 'U0MO' } as const;
    expect(await port().uploadImage(to, { kind: 'compliance-chart', title: 'Compliance, last 1 week', weeks })).toEqual({ status: 'sent', messageId: 'F1' });
    expect(calls[0]).toEqual({ path: 'conversations.open', body: expect.objectContaining({ users: 'U0MO' }) });
    expect(completedIn(calls)).toBe('DU0MO');
  }, 20_000);

  it('the scheduler\'s send job posts the manager digest by DM and uploads its chart to that DM (the same sender `nudges run` uses)', async () => {
    const calls = interceptSlack();
    const deps = testDeps(database.current.db, '2027-03-15T11:59:00Z');
    const org = await givenRemindedOrganisation(deps);
    await givenCertified(deps, org, 'Ana', '2027-09-01');
    const dana = await deps.db.selectFrom('people').select(['id', 'platform_user_id']).where('organisation_id', '=', org.organisationId).where('role', '=', 'admin').executeTakeFirstOrThrow();
    const at = new Date('2027-03-08T00:00:00Z');
    await deps.db.insertInto('manager_digests').values({ person_id: dana.id, organisation_id: org.organisationId, weekday: 1, send_at: '08:00', created_at: at, updated_at: at }).execute();
    const slack = { ...port(), platform: org.platform, perConversationPerSecond: 100 };
    const work = scheduledWork({ ...deps, ports: [slack], compose: composeScheduled, sleep: async () => {} });
    await work.snapshots(deps.clock.now());
    deps.clock.set('2027-03-15T12:00:00Z');
    expect((await work.plan(deps.clock.now())).added).toBe(1);
    expect((await work.send()).sent).toBe(1);
    expect(calls.find((c) => c.path === 'chat.postMessage')?.body.channel).toBe(dana.platform_user_id);
    expect(completedIn(calls)).toBe(`D${dana.platform_user_id}`);
    expect(calls.some((c) => c.path === 'conversations.open')).toBe(false);
  }, 30_000);
});
