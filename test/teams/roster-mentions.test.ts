import { describe, expect, it } from 'vitest';
import { BOT, cardText, messageActivity, postActivity, uniqueId, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * `roster add @Someone` in Teams for a person Recert has never seen: the mention entity names them
 * by Entra object id, so they are added by it (as Slack adds a `<@U…>` never seen), and their
 * first message to the bot finds that same person.
 */
const database = useTestDatabase();

const TENANT = 'tenant-roster-mentions';
const ADMIN: Who = { tenant: TENANT, aad: 'aad-rm-admin', name: 'Rita Roster' };
const CHANNEL = { id: '19:roster-mentions@thread.tacv2', conversationType: 'channel', tenantId: TENANT };

interface Mentioned {
  readonly name: string;
  readonly id: string;
  readonly aadObjectId?: string;
}

function inChannel(who: Who, text: string, people: readonly Mentioned[]): Record<string, unknown> {
  const entities = [{ type: 'mention', text: '<at>Recert</at>', mentioned: { id: BOT, name: 'Recert' } }, ...people.map((p) => ({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name, ...(p.aadObjectId ? { aadObjectId: p.aadObjectId } : {}) } }))];
  return messageActivity(`<at>Recert</at> ${text}`, who, { conversation: CHANNEL, entities });
}

async function peopleNamed(name: string): Promise<{ platform_user_id: string; display_name: string }[]> {
  return database.current.db
    .selectFrom('people')
    .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
    .select(['people.platform_user_id', 'people.display_name'])
    .where('organisations.external_id', '=', TENANT)
    .where('people.display_name', '=', name)
    .execute();
}

describe('Teams: roster add @Someone never seen adds them by their Entra object id (POST /api/messages)', () => {
  const t = useTestTeams(database);
  const lastText = () => cardText(t.sent.at(-1)?.body.attachments?.[0]?.content);

  it('adds the mentioned person from the entity (object id and name); their first message is the same person', async () => {
    await postActivity(t.teams.port, { ...messageActivity('', ADMIN), id: uniqueId('inst'), type: 'installationUpdate', action: 'add', text: undefined });
    const nova = { name: 'Nova Newcomer', id: '29:1-nova-scoped', aadObjectId: '6f1c2d3e-0000-4000-8000-00000000a0a1' };
    expect((await postActivity(t.teams.port, inChannel(ADMIN, 'roster add <at>Nova Newcomer</at>', [nova]))).status).toBe(200);
    expect(lastText()).toMatch(/On the roster now:\s+Nova Newcomer/);
    expect(await peopleNamed('Nova Newcomer')).toEqual([{ platform_user_id: nova.aadObjectId, display_name: 'Nova Newcomer' }]);

    // Added again: already there, found by the object id (no second person).
    await postActivity(t.teams.port, inChannel(ADMIN, 'roster add <at>Nova Newcomer</at>', [nova]));
    expect(await peopleNamed('Nova Newcomer')).toHaveLength(1);

    // Nova writes to the bot: the person added is the one identified.
    await postActivity(t.teams.port, messageActivity('status', { tenant: TENANT, aad: nova.aadObjectId, name: 'Nova Newcomer' }));
    expect(await peopleNamed('Nova Newcomer')).toHaveLength(1);
  });

  it('a mention whose entity gives the object id as its id is added the same way', async () => {
    const orla = { name: 'Orla Objectid', id: '0b7d9e11-1111-4111-8111-00000000b0b2' };
    await postActivity(t.teams.port, inChannel(ADMIN, 'roster add <at>Orla Objectid</at>', [orla]));
    expect(lastText()).toMatch(/On the roster now:\s+Orla Objectid/);
    expect(await peopleNamed('Orla Objectid')).toEqual([{ platform_user_id: orla.id, display_name: 'Orla Objectid' }]);
  });

  it('a mention with only a bot-scoped 29: id still cannot add a stranger: a clear answer, nobody stored', async () => {
    const pat = { name: 'Pat Scopedonly', id: '29:1-pat-scoped' };
    await postActivity(t.teams.port, inChannel(ADMIN, 'roster add <at>Pat Scopedonly</at>', [pat]));
    expect(lastText()).toContain('Pat Scopedonly');
    expect(lastText()).not.toContain('On the roster now');
    expect(await peopleNamed('Pat Scopedonly')).toHaveLength(0);
  });
});
