import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { interceptSlack, startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields } from '../support/slack/payloads.ts';
import { get } from '../support/slack/signed-request.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Leftover of issue 7: whoever installed the app is a Recert admin even when users.info fails (a
 * 500, or `ok: false`): the installation record names the installer, so that admin is not lost.
 * Someone else whose profile could not be read stays a scribe.
 */
const database = useTestDatabase();
const OAUTH = { botToken: null, oauth: { clientId: '111.222', clientSecret: 'client-secret-xyz', stateSecret: 'state-secret-abc' } };

/** The OAuth dance through the entry point: Bolt stores the installation with its installer. */
async function install(app: TestSlack, teamId: string, installer: string): Promise<void> {
  const start = await get(app.port, '/slack/install');
  const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
  const cookie = String(start.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  nock('https://slack.com').post('/api/oauth.v2.access').reply(200, {
    ok: true, app_id: 'A0RECERT', authed_user: { id: installer }, scope: 'chat:write,commands,users:read', token_type: 'bot',
    access_token: `xoxb-${teamId}`, bot_user_id: 'U0BOTNEW', team: { id: teamId, name: 'Clinic' }, enterprise: null, is_enterprise_install: false,
  });
  nock('https://slack.com').post('/api/auth.test').reply(200, { ok: true, bot_id: 'B0NEW', user_id: 'U0BOTNEW', team_id: teamId });
  const callback = await get(app.port, `/slack/oauth_redirect?code=code-1&state=${encodeURIComponent(state)}`, { cookie });
  expect(callback.status).toBe(200);
}

describe('Slack: the installer stays an admin when users.info fails', () => {
  let app: TestSlack;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    app = await startTestSlack(database.current.db, OAUTH);
  });
  afterAll(async () => {
    await app.stop();
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());

  async function roster(slack: ReturnType<typeof interceptSlack>, teamId: string, userId: string): Promise<string> {
    const before = slack.callsTo('response_url').length;
    expect((await app.slack.command(commandFields('roster', { team_id: teamId, user_id: userId }))).status).toBe(200);
    // First contact: the welcome, then the answer.
    await waitFor(() => slack.callsTo('response_url').slice(before).some((c) => /Roster \(|Only managers/.test(textOf(c.body))));
    return slack.callsTo('response_url').slice(before).map((c) => textOf(c.body)).join('\n');
  }

  const failures: readonly [string, () => nock.Scope][] = [
    ['a 500', () => nock('https://slack.com').persist().post('/api/users.info').reply(500, 'upstream down')],
    ['ok: false', () => nock('https://slack.com').persist().post('/api/users.info').reply(200, { ok: false, error: 'user_not_visible' })],
  ];

  for (const [i, [failure, refuse]] of failures.entries()) {
    it(`the installer sees the roster (an admin's), someone else is refused, users.info answering ${failure}`, async () => {
      const teamId = `T0FAIL${i}`;
      await install(app, teamId, 'U0INSTALLER');
      const scope = refuse();
      const slack = interceptSlack();
      const asInstaller = await roster(slack, teamId, 'U0INSTALLER');
      expect(asInstaller).toContain('Roster (1 person)');
      expect(asInstaller).toContain('*U0INSTALLER* · admin');
      const asOther = await roster(slack, teamId, 'U0OTHER');
      expect(asOther).not.toContain('Roster (');
      expect(asOther).toContain('Only managers and admins');
      expect(scope.isDone()).toBe(true);
    });
  }
});
