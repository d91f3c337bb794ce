import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postgresInstallationStore, SLACK_SECRET_PATHS } from '../../adapters/slack/installation-store.ts';
import { saveInstallation } from '../../src/db/repositories/installations.ts';
import { testDeps } from '../builders/deps.ts';
import { testSecretBox } from '../builders/secrets.ts';
import { interceptSlack, startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { dmMessage, eventEnvelope } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('the installation store', () => {
  it('serves lookups from memory for a minute (they sit before every ack), then from the database again', async () => {
    const deps = testDeps(database.current.db);
    const key = { platform: 'slack', enterpriseId: null, teamId: 'T0CACHE', isEnterpriseInstall: false };
    const box = testSecretBox();
    await saveInstallation(deps.db, { box, paths: SLACK_SECRET_PATHS }, key, { team: { id: 'T0CACHE' }, bot: { token: 'xoxb-cached', userId: 'U0B', id: 'B0B', scopes: ['chat:write'] } }, new Date());
    const store = postgresInstallationStore(deps.db, deps.clock, box);
    const query = { teamId: 'T0CACHE', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    expect((await store.fetchInstallation(query)).bot?.token).toBe('xoxb-cached');
    await sql`update platform_installations set active = false where installation_key = 'team:T0CACHE'`.execute(deps.db);
    expect((await store.fetchInstallation(query)).bot?.token).toBe('xoxb-cached');
    deps.clock.advance({ seconds: 61 });
    await expect(store.fetchInstallation(query)).rejects.toThrow(/no active Slack installation/);
  });
});

describe('two Recert processes behind one load balancer', () => {
  let first: TestSlack;
  let second: TestSlack;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    first = await startTestSlack(database.current.db);
    second = await startTestSlack(database.current.db);
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());

  it('answer an event Slack delivered to both (a retry landing on the other instance) once', async () => {
    const slack = interceptSlack();
    const envelope = eventEnvelope(dmMessage('MLN course "Two Instances Course" 30 min yesterday'));
    await Promise.all([first.slack.event(envelope), second.slack.event(envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })]);
    await waitFor(() => slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('Two Instances Course')));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(slack.callsTo('chat.postMessage').filter((c) => textOf(c.body).includes('Two Instances Course'))).toHaveLength(1);
  });
});
