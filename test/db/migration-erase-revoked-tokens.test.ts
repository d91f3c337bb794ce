import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { up } from '../../migrations/20261202T110000Z-oauth-states-and-erase-revoked-tokens.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('migration 20261202T110000Z', () => {
  it('erases the tokens that uninstalled Slack installations kept in clear, and leaves active ones alone', async () => {
    const db = database.current.db.withoutPlugins();
    const data = (team: string) => JSON.stringify({ team: { id: team }, bot: { token: `xoxb-${team}`, id: 'B1', userId: 'U1', scopes: ['chat:write'] }, user: { id: 'U2', token: `xoxp-${team}` }, incomingWebhook: { url: `https://hooks.slack.com/services/${team}`, channel: '#c' } });
    await sql`insert into platform_installations (platform, installation_key, team_id, data, active, installed_at, updated_at) values
      ('slack', 'team:T0GONE', 'T0GONE', ${data('T0GONE')}::jsonb, false, now(), now()),
      ('slack', 'team:T0HERE', 'T0HERE', ${data('T0HERE')}::jsonb, true, now(), now())`.execute(db);
    // The file's database is already migrated: run the migration's step again on a table it would create.
    await sql`drop table oauth_states`.execute(db);
    await up(db);
    const rows = await sql<{ installation_key: string; data: unknown }>`select installation_key, data from platform_installations where installation_key in ('team:T0GONE', 'team:T0HERE') order by installation_key`.execute(db);
    expect(rows.rows).toEqual([
      { installation_key: 'team:T0GONE', data: { team: { id: 'T0GONE' }, bot: { id: 'B1', userId: 'U1', scopes: ['chat:write'] }, user: { id: 'U2' }, incomingWebhook: { channel: '#c' } } },
      { installation_key: 'team:T0HERE', data: JSON.parse(data('T0HERE')) },
    ]);
  });
});
