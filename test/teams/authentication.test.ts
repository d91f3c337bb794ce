import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interceptConnector, messageActivity, postActivity, startTestTeams, type TestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('Teams with credentials: botbuilder checks the token of every request', () => {
  let teams: TestTeams;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    teams = await startTestTeams(database.current.db, { mode: 'authenticated', appId: 'app-id-1', appPassword: 'app-secret', appType: 'SingleTenant', tenantId: 'tenant-a' });
  });
  afterAll(async () => {
    await teams.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('refuses (401) a request without a token, and one with a token that is not a JWT, answering nothing', async () => {
    const sent = interceptConnector();
    expect((await postActivity(teams.port, messageActivity('status'))).status).toBe(401);
    expect((await postActivity(teams.port, messageActivity('status'), { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
    expect(sent).toHaveLength(0);
  });
});
