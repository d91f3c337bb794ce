import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { interceptSlack, startTestSlack, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields, eventEnvelope } from '../support/slack/payloads.ts';
import { get } from '../support/slack/signed-request.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

interface InstallationRow {
  installation_key: string;
  active: boolean;
  data: { bot?: { token?: string; userId?: string }; team?: { id: string }; enterprise?: { id: string } };
}

async function installation(app: TestSlack, key: string): Promise<InstallationRow | undefined> {
  const rows = await sql<InstallationRow>`select installation_key, active, data from platform_installations where platform = 'slack' and installation_key = ${key}`.execute(app.deps.db);
  return rows.rows[0];
}

/** Walk Slack's OAuth dance: /slack/install sets the state cookie, Slack redirects back with a code. */
async function install(app: TestSlack, accessResponse: Record<string, unknown>): Promise<number> {
  const start = await get(app.port, '/slack/install');
  expect(start.status).toBe(302);
  const location = new URL(String(start.headers.location));
  expect(location.host).toBe('slack.com');
  expect(location.searchParams.get('scope')).toContain('files:read');
  const state = location.searchParams.get('state') ?? '';
  const cookie = String(start.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  nock('https://slack.com').post('/api/oauth.v2.access').reply(200, accessResponse);
  nock('https://slack.com').post('/api/auth.test').reply(200, { ok: true, bot_id: 'B0NEW', user_id: 'U0BOTNEW', team_id: 'T0NEW', url: 'https://new.slack.com/' });
  const callback = await get(app.port, `/slack/oauth_redirect?code=code-123&state=${encodeURIComponent(state)}`, { cookie });
  return callback.status;
}

describe('Slack: installing through OAuth (many workspaces)', () => {
  let app: TestSlack;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    app = await startTestSlack(database.current.db, { botToken: null, oauth: { clientId: '111.222', clientSecret: 'client-secret-xyz', stateSecret: 'state-secret-abc' } });
  });
  afterAll(async () => {
    await app.stop();
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());

  const teamInstall = {
    ok: true,
    app_id: 'A0RECERT',
    authed_user: { id: 'U0ADMIN' },
    scope: 'app_mentions:read,chat:write,commands,files:read,im:history,im:read,im:write,users:read',
    token_type: 'bot',
    access_token: 'xoxb-installed-token',
    bot_user_id: 'U0BOTNEW',
    team: { id: 'T0NEW', name: 'New Clinic' },
    enterprise: null,
    is_enterprise_install: false,
  };

  it('writes the installation store on the OAuth callback, and serves the new workspace with its token', async () => {
    expect(await install(app, teamInstall)).toBe(200);
    const row = await installation(app, 'team:T0NEW');
    expect(row).toMatchObject({ active: true, data: { bot: { token: 'xoxb-installed-token', userId: 'U0BOTNEW' }, team: { id: 'T0NEW' } } });
    let usedInstalledToken = false;
    nock('https://slack.com', { reqheaders: { authorization: 'Bearer xoxb-installed-token' } })
      .post('/api/users.info')
      .reply(200, () => {
        usedInstalledToken = true;
        return { ok: true, user: { id: 'U0SCRIBE', tz: 'America/Denver', real_name: 'New Scribe' } };
      });
    const slack = interceptSlack();
    const response = await app.slack.command(commandFields('help', { team_id: 'T0NEW' }));
    expect(response.status).toBe(200);
    await waitFor(() => slack.callsTo('response_url').length > 0);
    expect(usedInstalledToken).toBe(true);
  });

  it('stores an org-wide Enterprise Grid install under its enterprise', async () => {
    expect(await install(app, { ...teamInstall, access_token: 'xoxb-org-token', team: null, enterprise: { id: 'E0ORG', name: 'Health System' }, is_enterprise_install: true })).toBe(200);
    expect(await installation(app, 'enterprise:E0ORG')).toMatchObject({ active: true, data: { enterprise: { id: 'E0ORG' }, bot: { token: 'xoxb-org-token' } } });
  });

  it('marks the installation inactive on app_uninstalled, keeping it and the records', async () => {
    await install(app, { ...teamInstall, team: { id: 'T0GONE', name: 'Leaving Clinic' } });
    expect((await installation(app, 'team:T0GONE'))?.active).toBe(true);
    const envelope = { ...eventEnvelope({ type: 'app_uninstalled' }), team_id: 'T0GONE', authorizations: [{ enterprise_id: null, team_id: 'T0GONE', user_id: 'U0BOTNEW', is_bot: true, is_enterprise_install: false }] };
    expect((await app.slack.event(envelope)).status).toBe(200);
    await waitFor(() => app.deps.log.lines.some((l) => l.message === 'slack installation removed'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await installation(app, 'team:T0GONE')).toMatchObject({ active: false, data: { team: { id: 'T0GONE' } } });
  });

  it('refuses a callback whose state was not issued by this app', async () => {
    const callback = await get(app.port, '/slack/oauth_redirect?code=code-123&state=forged');
    expect(callback.status).toBeGreaterThanOrEqual(400);
  });
});
