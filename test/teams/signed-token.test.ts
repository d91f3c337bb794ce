import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interceptConnector, messageActivity, postActivity, SERVICE_URL, startTestTeams, type TestTeams } from '../support/teams/harness.ts';
import { interceptEntraToken } from '../support/teams/connector.ts';
import { channelToken, interceptOpenIdMetadata, signingKey } from '../support/teams/signed-token.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const APP_ID = 'app-id-signed';
const TENANT_ID = 'tenant-a';
const key = signingKey('connector-key-1');
const stranger = signingKey('connector-key-1'); // same kid, another key: its signature does not verify

describe('Teams with credentials: a request signed by the Bot Connector is served', () => {
  let teams: TestTeams;
  let entra: string[];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    interceptOpenIdMetadata([key]);
    entra = interceptEntraToken(TENANT_ID);
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
