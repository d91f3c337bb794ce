import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardText, interceptConnector, messageActivity, postActivity, startTestTeams, uniqueId, type TestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/** A person's stored role in a tenant, and the role changes audited for them. */
async function roleOf(tenant: string, aad: string) {
  const db = database.current.db;
  const person = await db
    .selectFrom('people')
    .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
    .select(['people.id', 'people.role', 'people.organisation_id'])
    .where('organisations.platform', '=', 'teams')
    .where('organisations.external_id', '=', tenant)
    .where('people.platform_user_id', '=', aad)
    .executeTakeFirst();
  const audits = person ? await db.selectFrom('audit_events').select(['action', 'after']).where('organisation_id', '=', person.organisation_id).where('entity_id', '=', person.id).where('action', '=', 'role.changed').execute() : [];
  return { role: person?.role, audits };
}

function install(tenant: string, aad: string, name: string, action = 'add'): Record<string, unknown> {
  return { ...messageActivity('', { tenant, aad, name }), id: uniqueId('inst'), type: 'installationUpdate', action, text: undefined };
}

describe('Teams admins: the installer, else the first person in personal chat', () => {
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
  beforeEach(() => nock.cleanAll());

  it('the installer (tenant + Entra id) becomes admin once, audited; a later person is a scribe and refused admin commands', async () => {
    const sent = interceptConnector();
    expect((await postActivity(teams.port, install('tenant-inst', 'aad-owner', 'Olga Owner'))).status).toBe(200);
    expect(await roleOf('tenant-inst', 'aad-owner')).toMatchObject({ role: 'admin', audits: [{ after: expect.objectContaining({ role: 'admin', reason: 'installed-the-app' }) }] });
    // Reinstalling (an upgrade) writes nothing more.
    await postActivity(teams.port, install('tenant-inst', 'aad-owner', 'Olga Owner', 'add-upgrade'));
    expect((await roleOf('tenant-inst', 'aad-owner')).audits).toHaveLength(1);
    // The installer can use admin commands at once.
    await postActivity(teams.port, messageActivity('roles', { tenant: 'tenant-inst', aad: 'aad-owner', name: 'Olga Owner' }));
    expect(cardText(sent.at(-1)?.body.attachments?.[0]?.content)).toContain('Olga Owner');
    expect(cardText(sent.at(-1)?.body.attachments?.[0]?.content)).not.toMatch(/only .*admin|not allowed|permission/i);
    // Someone else speaking first in personal chat stays a scribe: the organisation has an admin.
    await postActivity(teams.port, messageActivity('role @Olga scribe', { tenant: 'tenant-inst', aad: 'aad-sam', name: 'Sam Scribe' }));
    expect(await roleOf('tenant-inst', 'aad-sam')).toMatchObject({ role: 'scribe', audits: [] });
    expect(cardText(sent.at(-1)?.body.attachments?.[0]?.content)).not.toMatch(/now (an )?admin/i);
    expect((await roleOf('tenant-inst', 'aad-owner')).role).toBe('admin');
  });

  it('a tenant with no admin: the first person in personal chat becomes admin and the welcome says so; the next does not', async () => {
    const sent = interceptConnector();
    await postActivity(teams.port, messageActivity('status', { tenant: 'tenant-none', aad: 'aad-first', name: 'Fay First' }));
    const welcome = cardText(sent[0]?.body.attachments?.[0]?.content).replace(/\s+/g, ' ');
    expect(welcome).toMatch(/Welcome to Recert, ?Fay First/);
    expect(welcome).toMatch(/you are now its ?admin/);
    expect(await roleOf('tenant-none', 'aad-first')).toMatchObject({ role: 'admin', audits: [{ after: expect.objectContaining({ reason: 'first-person-without-admin' }) }] });
    const before = sent.length;
    await postActivity(teams.port, messageActivity('status', { tenant: 'tenant-none', aad: 'aad-second', name: 'Sid Second' }));
    expect(cardText(sent[before]?.body.attachments?.[0]?.content)).not.toMatch(/admin/);
    expect(await roleOf('tenant-none', 'aad-second')).toMatchObject({ role: 'scribe', audits: [] });
  });

  it('a channel mention does not make anyone admin; installing in a channel makes the installer admin', async () => {
    interceptConnector();
    const channel = { conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-chan' } };
    const mention = { entities: [{ type: 'mention', mentioned: { id: '28:recert-bot' }, text: '<at>Recert</at>' }] };
    await postActivity(teams.port, messageActivity('<at>Recert</at> status', { tenant: 'tenant-chan', aad: 'aad-chat', name: 'Cal Chat' }, { ...channel, ...mention }));
    expect((await roleOf('tenant-chan', 'aad-chat')).role).toBe('scribe');
    const added = { ...messageActivity('', { tenant: 'tenant-chan', aad: 'aad-lead', name: 'Lee Lead' }, channel), id: uniqueId('cu'), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:recert-bot' }] };
    await postActivity(teams.port, added);
    expect((await roleOf('tenant-chan', 'aad-lead')).role).toBe('admin');
  });

  it('two first messages at once in a tenant with no admin make exactly one admin', async () => {
    interceptConnector();
    for (let round = 0; round < 5; round += 1) {
      const tenant = `tenant-race-${round}`;
      await Promise.all(['a', 'b', 'c'].map((who) => postActivity(teams.port, messageActivity('status', { tenant, aad: `aad-${who}`, name: `Racer ${who}` }))));
      const roles = await Promise.all(['a', 'b', 'c'].map(async (who) => (await roleOf(tenant, `aad-${who}`)).role));
      expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
    }
  });
});
