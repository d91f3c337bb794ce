import { describe, expect, it } from 'vitest';
import { plainText } from '../../adapters/teams/activity.ts';
import { BOT, cardText, messageActivity, postActivity, uniqueId, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const TENANT = 'tenant-mentions';
const ADMIN: Who = { tenant: TENANT, aad: 'aad-ada', name: 'Ada Admin' };
const SAM: Who = { tenant: TENANT, aad: 'aad-sam-m', name: 'Sam Okafor' };
const CHANNEL = { id: '19:mentions@thread.tacv2', conversationType: 'channel', tenantId: TENANT };

/** A channel message as Teams sends it: `<at>` tags in the text and a mention entity for each (people by their `29:` id). */
function inChannel(who: Who, text: string, people: readonly Who[]): Record<string, unknown> {
  const entities = [{ type: 'mention', text: '<at>Recert</at>', mentioned: { id: BOT, name: 'Recert' } }, ...people.map((p) => ({ type: 'mention', text: `<at>${p.name ?? ''}</at>`, mentioned: { id: `29:${p.aad ?? ''}`, name: p.name } }))];
  return messageActivity(`<at>Recert</at> ${text}`, who, { conversation: CHANNEL, entities });
}

async function roleOf(aad: string): Promise<string | undefined> {
  const row = await database.current.db.selectFrom('people').innerJoin('organisations', 'organisations.id', 'people.organisation_id').select('people.role').where('organisations.external_id', '=', TENANT).where('people.platform_user_id', '=', aad).executeTakeFirst();
  return row?.role;
}

describe('Teams: people @mentioned in a message are read as mentions (POST /api/messages)', () => {
  const t = useTestTeams(database);

  it('reads `<at>Name</at>` as @"Name", and drops the bot\'s own mention', () => {
    expect(plainText('<at>Recert</at> role <at>Sam Okafor</at> manager', ['Recert'])).toBe('role @"Sam Okafor" manager');
    expect(plainText('role <at>Zoë &amp; "Co"</at> scribe')).toBe('role @"Zoë & Co" scribe');
    expect(plainText('<at>Recert</at> help', ['Recert'])).toBe('help');
  });

  it('an admin in a channel: `@Recert role @Sam manager` changes Sam\'s role, not nobody\'s', async () => {
    await postActivity(t.teams.port, { ...messageActivity('', ADMIN), id: uniqueId('inst'), type: 'installationUpdate', action: 'add', text: undefined });
    await postActivity(t.teams.port, messageActivity('status', SAM));
    expect(await roleOf('aad-sam-m')).toBe('scribe');
    await postActivity(t.teams.port, inChannel(ADMIN, 'role <at>Sam Okafor</at> manager', [SAM]));
    expect(cardText(t.sent.at(-1)?.body.attachments?.[0]?.content)).toContain('Sam Okafor');
    expect(await roleOf('aad-sam-m')).toBe('manager');
  });
});
