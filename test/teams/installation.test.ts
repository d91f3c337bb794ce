import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT, interceptConnector, messageActivity, postActivity, startTestTeams, TENANT, uniqueId, type TestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

async function stored(conversationId: string) {
  const db = database.current.db;
  const org = await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').where('external_id', '=', TENANT).executeTakeFirstOrThrow();
  return db.selectFrom('teams_conversations').select(['conversation_type', 'service_url', 'tenant_id', 'bot_id', 'aad_object_id', 'active', 'reference']).where('teams_conversations.organisation_id', '=', org.id).where('conversation_id', '=', conversationId).executeTakeFirst();
}

describe('Teams installs store the conversation reference; uninstalling marks it inactive', () => {
  let teams: TestTeams;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    teams = await startTestTeams(database.current.db);
  });
  afterAll(async () => {
    await teams.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    nock.cleanAll();
    interceptConnector();
  });

  it('installationUpdate add in personal scope stores the reference (person, service URL, bot), remove deactivates it', async () => {
    const install = { ...messageActivity(''), id: uniqueId('inst'), type: 'installationUpdate', action: 'add', text: undefined };
    expect((await postActivity(teams.port, install)).status).toBe(200);
    const row = await stored('a:personal-aad-dana');
    expect(row).toMatchObject({ conversation_type: 'personal', service_url: 'https://smba.test.invalid/amer/', tenant_id: TENANT, bot_id: BOT, aad_object_id: 'aad-dana', active: true });
    expect(JSON.parse(row?.reference ?? '{}')).toMatchObject({ conversation: { id: 'a:personal-aad-dana' }, serviceUrl: 'https://smba.test.invalid/amer/', bot: { id: BOT } });
    await postActivity(teams.port, { ...install, id: uniqueId('inst'), action: 'remove' });
    expect((await stored('a:personal-aad-dana'))?.active).toBe(false);
    await postActivity(teams.port, { ...install, id: uniqueId('inst'), action: 'add-upgrade', serviceUrl: 'https://smba.test.invalid/emea/' });
    expect(await stored('a:personal-aad-dana')).toMatchObject({ active: true, service_url: 'https://smba.test.invalid/emea/' });
  });

  it('conversationUpdate with the bot among membersAdded stores a channel reference; membersRemoved deactivates it', async () => {
    const channel = { conversation: { id: '19:team-general@thread.tacv2', conversationType: 'channel', tenantId: TENANT } };
    const added = { ...messageActivity('', {}, channel), id: uniqueId('cu'), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: BOT }] };
    await postActivity(teams.port, added);
    expect(await stored('19:team-general@thread.tacv2')).toMatchObject({ conversation_type: 'channel', aad_object_id: null, active: true });
    // Someone else joining changes nothing.
    await postActivity(teams.port, { ...added, id: uniqueId('cu'), membersAdded: [{ id: '29:someone' }] });
    await postActivity(teams.port, { ...added, id: uniqueId('cu'), membersAdded: undefined, membersRemoved: [{ id: BOT }] });
    expect((await stored('19:team-general@thread.tacv2'))?.active).toBe(false);
  });
});
