import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SLACK_SECRET_PATHS } from '../../adapters/slack/installation-store.ts';
import { rotateInstallationSecrets } from '../../src/db/repositories/installation-secrets.ts';
import { findInstallation, saveInstallation } from '../../src/db/repositories/installations.ts';
import { testKey, testSecretBox } from '../builders/secrets.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const NOW = new Date('2026-11-27T15:00:00Z');
const PATHS = { slack: SLACK_SECRET_PATHS };
const key = (teamId: string) => ({ platform: 'slack', enterpriseId: null, teamId, isEnterpriseInstall: false });
const record = (teamId: string) => ({ team: { id: teamId }, bot: { token: `xoxb-${teamId}`, id: 'B1', userId: 'U1', scopes: ['chat:write'] } });

async function kids(): Promise<Record<string, string | null>> {
  const rows = await sql<{ installation_key: string; kid: string | null }>`
    select installation_key, data #>> '{bot,token,kid}' as kid from platform_installations order by installation_key`.execute(database.current.db);
  return Object.fromEntries(rows.rows.map((r) => [r.installation_key, r.kid]));
}

describe('rotating the encryption key', () => {
  it('re-encrypts old-key and plain-text tokens with the first key, once, and names a value no key opens', async () => {
    const db = database.current.db;
    const oldBox = testSecretBox(testKey('old'));
    await saveInstallation(db, { box: oldBox, paths: SLACK_SECRET_PATHS }, key('T0A'), record('T0A'), NOW);
    await sql`insert into platform_installations (platform, installation_key, team_id, data, installed_at, updated_at)
      values ('slack', 'team:T0PLAIN', 'T0PLAIN', ${JSON.stringify(record('T0PLAIN'))}::jsonb, ${NOW}, ${NOW})`.execute(db);

    const newBox = testSecretBox(testKey('new', 9), testKey('old'));
    expect(await rotateInstallationSecrets(db, newBox, PATHS)).toEqual({ keyId: 'new', installations: 2, reencrypted: 1, encryptedPlain: 1, failures: [] });
    expect(await kids()).toEqual({ 'team:T0A': 'new', 'team:T0PLAIN': 'new' });
    const onlyNew = { box: testSecretBox(testKey('new', 9)), paths: SLACK_SECRET_PATHS };
    expect((await findInstallation(db, onlyNew, key('T0PLAIN')))?.data).toEqual(record('T0PLAIN'));
    expect((await findInstallation(db, onlyNew, key('T0A')))?.data).toEqual(record('T0A'));

    expect(await rotateInstallationSecrets(db, newBox, PATHS)).toMatchObject({ reencrypted: 0, encryptedPlain: 0, failures: [] });

    const stranger = testSecretBox(testKey('other', 3));
    const report = await rotateInstallationSecrets(db, stranger, PATHS);
    expect(report).toMatchObject({ reencrypted: 0, encryptedPlain: 0 });
    expect(report.failures).toEqual([
      { platform: 'slack', installationKey: 'team:T0A', problem: expect.stringContaining('key id "new", which is not configured') },
      { platform: 'slack', installationKey: 'team:T0PLAIN', problem: expect.stringContaining('key id "new", which is not configured') },
    ]);
    expect(await kids()).toEqual({ 'team:T0A': 'new', 'team:T0PLAIN': 'new' });
  });
});
