import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackOutbound } from '../../adapters/slack/outbound.ts';
import { singleWorkspaceClients } from '../../adapters/slack/clients.ts';
import { nudgesCommand } from '../../adapters/cli/commands/nudges.ts';
import { startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields, TEAM } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { DateTime } from 'luxon';
import { testDeps } from '../builders/deps.ts';

/**
 * Issue 8's Done-when on Slack, through the signed entry point and nock at the Web API: an admin
 * subscribes #scribes (`/ceu remind here at 9:00 zone America/New_York`); Ana's certificate expires
 * 2027-04-10; `recert nudges run --now` at each step of the last 60 days posts the channel digest and
 * Ana's DM exactly once, at 09:00 New York across the spring-forward change (2027-03-14); one minute
 * before and a second run post nothing; after Ana's newer certificate (to 2027-09-01) is on file, the
 * last steps post nothing.
 */
const database = useTestDatabase();
const PEOPLE: Record<string, { name: string; admin?: boolean }> = { U0ADMIN: { name: 'Dana', admin: true }, U0ANA: { name: 'Ana' } };
const STEPS = ['2027-02-09T14:00:00Z', '2027-03-11T14:00:00Z', '2027-03-27T13:00:00Z', '2027-04-03T13:00:00Z'];
const AFTER_RENEWAL = ['2027-04-09T13:00:00Z', '2027-04-10T13:00:00Z'];

describe('Slack: a channel subscribed, then each step of a certificate\'s last 60 days', () => {
  let app: TestSlack;
  const posts: Record<string, unknown>[] = [];
  const replies: Record<string, unknown>[] = [];
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock('https://slack.com')
      .persist()
      .post('/api/users.info')
      .reply(200, async (req: Request) => {
        const user = new URLSearchParams(await req.text()).get('user') ?? '';
        const who = PEOPLE[user] ?? { name: user };
        return { ok: true, user: { id: user, team_id: TEAM, name: who.name.toLowerCase(), real_name: who.name, tz: 'America/New_York', is_admin: who.admin === true, profile: { display_name: who.name } } };
      })
      .post('/api/chat.postMessage', (body: Record<string, unknown>) => posts.push(body) > 0)
      .reply(200, { ok: true, ts: '1700000000.000300' });
    nock('https://hooks.slack.com')
      .persist()
      .post(/.*/)
      .reply(200, async (req: Request) => (replies.push((await req.json()) as Record<string, unknown>), 'ok'));
    app = await startTestSlack(database.current.db);
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function command(user: string, text: string, channel = 'C0SCRIBES'): Promise<string> {
    const before = replies.length;
    await app.slack.command(commandFields(text, { user_id: user, channel_id: channel, channel_name: channel === 'C0SCRIBES' ? 'scribes' : 'directmessage' }));
    await waitFor(() => replies.slice(before).some((r) => !textOf(r).includes('Welcome to Recert')));
    return replies.slice(before).map(textOf).join('\n');
  }

  async function run(iso: string): Promise<Record<string, unknown>[]> {
    const before = posts.length;
    const port = slackOutbound(singleWorkspaceClients('xoxb-test', 'U0BOT', { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }));
    const code = await nudgesCommand(testDeps(database.current.db, iso), { sub: 'run', now: DateTime.fromISO(iso, { zone: 'utc' }), org: null }, { out: () => {}, err: () => {} }, [port]);
    expect(code).toBe(0);
    return posts.slice(before);
  }

  it('posts the digest and the DM once at 09:00 local at each step, across the change, and stops after the renewal', async () => {
    expect(await command('U0ADMIN', 'remind here at 9:00 zone America/New_York')).toContain('will get a reminder digest');
    expect(await command('U0ANA', 'cert CMSS-40211 issued 2026-04-10 expires 2027-04-10', 'D0ANA')).toContain('CMSS-40211');
    for (const nine of STEPS) {
      expect(await run(new Date(Date.parse(nine) - 60_000).toISOString()), `${nine}, at 08:59`).toEqual([]);
      const due = await run(nine);
      expect(due.map((p) => p.channel).sort(), `${nine}, at 09:00`).toEqual(['C0SCRIBES', 'U0ANA']);
      expect(textOf(due.find((p) => p.channel === 'C0SCRIBES') ?? {})).toContain('Ana');
      expect(textOf(due.find((p) => p.channel === 'U0ANA') ?? {})).toContain('CE reminder');
      expect(await run(nine), `${nine}, again`).toEqual([]);
    }
    expect(await command('U0ANA', 'cert CMSS-50322 issued 2026-09-01 expires 2027-09-01', 'D0ANA')).toContain('CMSS-50322');
    for (const nine of AFTER_RENEWAL) expect(await run(nine), `${nine}, after the renewal`).toEqual([]);
  }, 120_000);
});
