import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { interceptSlack, startTestSlack, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields, eventEnvelope } from '../support/slack/payloads.ts';
import { get } from '../support/slack/signed-request.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const OAUTH = { botToken: null, oauth: { clientId: '111.222', clientSecret: 'client-secret-xyz', stateSecret: 'state-secret-abc' } };

interface InstallationRow {
  installation_key: string;
  active: boolean;
  /** The jsonb as text, exactly as stored: a token in clear would show here. */
  text: string;
  data: { bot?: { token?: unknown; userId?: string }; team?: { id: string }; enterprise?: { id: string } };
}

async function installation(app: TestSlack, key: string): Promise<InstallationRow | undefined> {
  const rows = await sql<InstallationRow>`select installation_key, active, data::text as text, data from platform_installations where platform = 'slack' and installation_key = ${key}`.execute(app.deps.db);
  return rows.rows[0];
}

/** /slack/install: Bolt sets the state cookie and redirects to Slack with the state. */
async function startInstall(app: TestSlack): Promise<{ state: string; cookie: string }> {
  const start = await get(app.port, '/slack/install');
  expect(start.status).toBe(302);
  const location = new URL(String(start.headers.location));
  expect(location.host).toBe('slack.com');
  expect(location.searchParams.get('scope')).toContain('files:read');
  return { state: location.searchParams.get('state') ?? '', cookie: String(start.headers['set-cookie'] ?? '').split(';')[0] ?? '' };
}

/** Slack redirects back with a code; Bolt exchanges it (oauth.v2.access, auth.test) and stores the installation. */
async function callback(app: TestSlack, started: { state: string; cookie: string }, accessResponse: Record<string, unknown>) {
  const exchange = nock('https://slack.com').post('/api/oauth.v2.access').reply(200, accessResponse);
  nock('https://slack.com').post('/api/auth.test').reply(200, { ok: true, bot_id: 'B0NEW', user_id: 'U0BOTNEW', team_id: 'T0NEW', url: 'https://new.slack.com/' });
  const response = await get(app.port, `/slack/oauth_redirect?code=code-123&state=${encodeURIComponent(started.state)}`, { cookie: started.cookie });
  return { status: response.status, exchanged: exchange.isDone() };
}

/** Walk Slack's OAuth dance once. */
async function install(app: TestSlack, accessResponse: Record<string, unknown>): Promise<number> {
  return (await callback(app, await startInstall(app), accessResponse)).status;
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 8000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

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

const removal = (team: string, event: Record<string, unknown>) => ({
  ...eventEnvelope(event),
  team_id: team,
  authorizations: [{ enterprise_id: null, team_id: team, user_id: 'U0BOTNEW', is_bot: true, is_enterprise_install: false }],
});

describe('Slack: installing through OAuth (many workspaces)', () => {
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

  it('writes the installation store on the OAuth callback, token encrypted, and serves the new workspace with its token', async () => {
    expect(await install(app, teamInstall)).toBe(200);
    const row = await installation(app, 'team:T0NEW');
    expect(row).toMatchObject({ active: true, data: { bot: { token: { v: 1, kid: 'test-k1' }, userId: 'U0BOTNEW' }, team: { id: 'T0NEW' } } });
    expect(row?.text).not.toContain('xoxb-installed-token');
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

  it('stores an org-wide Enterprise Grid install under its enterprise, token encrypted', async () => {
    expect(await install(app, { ...teamInstall, access_token: 'xoxb-org-token', team: null, enterprise: { id: 'E0ORG', name: 'Health System' }, is_enterprise_install: true })).toBe(200);
    const row = await installation(app, 'enterprise:E0ORG');
    expect(row).toMatchObject({ active: true, data: { enterprise: { id: 'E0ORG' }, bot: { token: { kid: 'test-k1' } } } });
    expect(row?.text).not.toContain('xoxb-org-token');
  });

  it('erases the token on app_uninstalled and marks the installation inactive, keeping the rest of it', async () => {
    await install(app, { ...teamInstall, access_token: 'xoxb-gone-token', team: { id: 'T0GONE', name: 'Leaving Clinic' } });
    expect((await installation(app, 'team:T0GONE'))?.active).toBe(true);
    expect((await app.slack.event(removal('T0GONE', { type: 'app_uninstalled' }))).status).toBe(200);
    await eventually(async () => (await installation(app, 'team:T0GONE'))?.active === false);
    const row = await installation(app, 'team:T0GONE');
    expect(row).toMatchObject({ active: false, data: { team: { id: 'T0GONE' }, bot: { userId: 'U0BOTNEW' } } });
    expect(row?.data.bot?.token).toBeUndefined();
    expect(row?.text).not.toContain('"kid"');
  });

  it('erases the token on tokens_revoked for the bot, but not when only user tokens went', async () => {
    await install(app, { ...teamInstall, access_token: 'xoxb-revoked-token', team: { id: 'T0REVOKE', name: 'Revoking Clinic' } });
    expect((await app.slack.event(removal('T0REVOKE', { type: 'tokens_revoked', tokens: { oauth: ['U0ADMIN'] } }))).status).toBe(200);
    await waitFor(() => app.deps.log.lines.some((l) => l.message === 'slack installation removed' && l.fields.teamId === 'T0REVOKE'));
    expect(await installation(app, 'team:T0REVOKE')).toMatchObject({ active: true, data: { bot: { token: { kid: 'test-k1' } } } });
    expect((await app.slack.event(removal('T0REVOKE', { type: 'tokens_revoked', tokens: { bot: ['U0BOTNEW'] } }))).status).toBe(200);
    await eventually(async () => (await installation(app, 'team:T0REVOKE'))?.active === false);
    expect((await installation(app, 'team:T0REVOKE'))?.data.bot?.token).toBeUndefined();
  });

  it('refuses the same callback (same state and cookie) a second time, and stores nothing from it', async () => {
    const started = await startInstall(app);
    expect((await callback(app, started, { ...teamInstall, team: { id: 'T0ONCE', name: 'Once Clinic' } })).status).toBe(200);
    const before = await installation(app, 'team:T0ONCE');
    const replay = await callback(app, started, { ...teamInstall, access_token: 'xoxb-replayed', team: { id: 'T0REPLAY', name: 'Replayed Clinic' } });
    expect(replay.status).toBe(400);
    expect(replay.exchanged).toBe(false);
    expect(await installation(app, 'team:T0REPLAY')).toBeUndefined();
    expect(await installation(app, 'team:T0ONCE')).toEqual(before);
  });

  it('refuses a state older than ten minutes', async () => {
    const started = await startInstall(app);
    app.deps.clock.advance({ minutes: 10, seconds: 1 });
    try {
      const late = await callback(app, started, { ...teamInstall, team: { id: 'T0LATE', name: 'Late Clinic' } });
      expect(late).toEqual({ status: 400, exchanged: false });
      expect(await installation(app, 'team:T0LATE')).toBeUndefined();
    } finally {
      app.deps.clock.set('2026-11-27T15:00:00Z');
    }
  });

  it('refuses a callback whose state was not issued by this app', async () => {
    const callback = await get(app.port, '/slack/oauth_redirect?code=code-123&state=forged', { cookie: 'slack-app-oauth-state=forged' });
    expect(callback.status).toBe(400);
  });
});

describe('Slack OAuth on a real PostgreSQL without RECERT_ENCRYPTION_KEY', () => {
  let app: TestSlack;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    app = await startTestSlack(database.current.db, OAUTH, { secrets: null });
  });
  afterAll(async () => {
    await app.stop();
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());

  it('says so at start, and refuses an install rather than store its token in clear', async () => {
    expect(app.deps.log.lines.some((l) => l.level === 'error' && l.message.includes('RECERT_ENCRYPTION_KEY is not'))).toBe(true);
    const refused = await install(app, { ...teamInstall, access_token: 'xoxb-unprotected', team: { id: 'T0NOKEY', name: 'No Key Clinic' } });
    expect(refused).toBe(500);
    expect(await installation(app, 'team:T0NOKEY')).toBeUndefined();
    expect(app.deps.log.lines.some((l) => l.message.includes('Refusing to store a token without an encryption key'))).toBe(true);
  });
});
