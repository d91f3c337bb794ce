import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interceptConnector, messageActivity, postActivity, SERVICE_URL, startTestTeams, type TestTeams } from '../support/teams/harness.ts';
import { channelToken, interceptOpenIdMetadata, signingKey } from '../support/teams/signed-token.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const APP_ID = 'app-id-signed';
const TENANT_ID = 'tenant-a';
const key = signingKey('connector-key-1');
const stranger = signingKey('connector-key-1'); // same kid, another key: its signature does not verify

/** The bot's own token for the connector (MSAL, client credentials, single tenant). */
function interceptEntraToken(): string[] {
  const seen: string[] = [];
  nock('https://login.microsoftonline.com')
    .persist()
    .get(/.*/)
    .reply(200, (uri: string) => {
      seen.push(`GET ${uri}`);
      return openIdConfiguration(TENANT_ID);
    })
    .post(new RegExp(`^/${TENANT_ID}/oauth2/v2.0/token`))
    .reply(200, () => {
      seen.push('POST token');
      return { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'outbound-token' };
    });
  return seen;
}

function openIdConfiguration(tenant: string): Record<string, unknown> {
  const base = `https://login.microsoftonline.com/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
    metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] }],
  };
}

describe('Teams with credentials: a request signed by the Bot Connector is served', () => {
  let teams: TestTeams;
  let entra: string[];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    interceptOpenIdMetadata([key]);
    entra = interceptEntraToken();
    teams = await startTestTeams(database.current.db, { mode: 'authenticated', appId: APP_ID, appPassword: 'app-secret', appType: 'SingleTenant', tenantId: TENANT_ID });
  });
  afterAll(async () => {
    await teams.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('answers a message whose token verifies against the published key, for this app and service URL', async () => {
    const sent = interceptConnector();
    const token = channelToken(key, { aud: APP_ID, serviceurl: SERVICE_URL });
    const posted = await postActivity(teams.port, messageActivity('status'), { authorization: `Bearer ${token}` });
    expect(posted.status, posted.body).toBe(200);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((a) => a.body.type === 'message')).toBe(true);
    expect(entra).toContain('POST token'); // the bot's own token for the connector
  });

  it.each([
    ['another audience', channelToken(key, { aud: 'someone-else', serviceurl: SERVICE_URL })],
    ['another service URL', channelToken(key, { aud: APP_ID, serviceurl: 'https://evil.example/amer/' })],
    ['another issuer', channelToken(key, { aud: APP_ID, serviceurl: SERVICE_URL, iss: 'https://sts.windows.net/x/' })],
    ['an expired token', channelToken(key, { aud: APP_ID, serviceurl: SERVICE_URL }, Math.floor(Date.now() / 1000) - 7200)],
  ])('refuses (401) %s, answering nothing', async (_name, token) => {
    const sent = interceptConnector();
    const posted = await postActivity(teams.port, messageActivity('status'), { authorization: `Bearer ${token}` });
    expect(posted.status, posted.body).toBe(401);
    expect(sent).toHaveLength(0);
  });

  it('refuses a token signed by another key under the same key id (botbuilder 4.23 answers 500, not 401), answering nothing', async () => {
    const sent = interceptConnector();
    const posted = await postActivity(teams.port, messageActivity('status'), { authorization: `Bearer ${channelToken(stranger, { aud: APP_ID, serviceurl: SERVICE_URL })}` });
    expect(posted.status).toBe(500);
    expect(sent).toHaveLength(0);
  });
});
