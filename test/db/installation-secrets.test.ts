import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SLACK_SECRET_PATHS } from '../../adapters/slack/installation-store.ts';
import type { Db } from '../../src/db/connection.ts';
import { deactivateInstallation, findInstallation, saveInstallation, type InstallationKey, type InstallationSecrets } from '../../src/db/repositories/installations.ts';
import { SecretError } from '../../src/secrets/secret-box.ts';
import { testSecretBox } from '../builders/secrets.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const NOW = new Date('2026-11-27T15:00:00Z');
const secrets: InstallationSecrets = { box: testSecretBox(), paths: SLACK_SECRET_PATHS };
const noKey: InstallationSecrets = { box: null, paths: SLACK_SECRET_PATHS };

const keyFor = (teamId: string): InstallationKey => ({ platform: 'slack', enterpriseId: null, teamId, isEnterpriseInstall: false });

/** A Bolt installation with every kind of secret it can hold, each containing `teamId`. */
function installation(teamId: string) {
  return {
    team: { id: teamId, name: 'Clinic' },
    enterprise: undefined,
    bot: { token: `xoxb-${teamId}-bot`, refreshToken: `xoxe-${teamId}-bot-refresh`, expiresAt: 1800000000, scopes: ['chat:write'], id: 'B0BOT', userId: 'U0BOT' },
    user: { token: `xoxp-${teamId}-user`, refreshToken: `xoxe-${teamId}-user-refresh`, scopes: ['identify'], id: 'U0ADMIN' },
    incomingWebhook: { url: `https://hooks.slack.com/services/${teamId}/hook-secret`, channel: '#general' },
    isEnterpriseInstall: false,
  };
}

/** The row exactly as PostgreSQL keeps it: jsonb rendered as text, nothing decrypted. */
async function rawRow(db: Db, teamId: string): Promise<{ text: string; data: Record<string, Record<string, unknown>>; active: boolean } | undefined> {
  const rows = await sql<{ text: string; data: Record<string, Record<string, unknown>>; active: boolean }>`
    select data::text as text, data, active from platform_installations where platform = 'slack' and installation_key = ${`team:${teamId}`}`.execute(db);
  return rows.rows[0];
}

const SECRET_STRINGS = (teamId: string) => [`xoxb-${teamId}-bot`, `xoxe-${teamId}-bot-refresh`, `xoxp-${teamId}-user`, `xoxe-${teamId}-user-refresh`, 'hook-secret'];

describe('installation tokens at rest', () => {
  it('stores every token encrypted with its key id, keeps the rest readable, and reads them back decrypted', async () => {
    const db = database.current.db;
    await saveInstallation(db, secrets, keyFor('T0ENC'), installation('T0ENC'), NOW);
    const raw = await rawRow(db, 'T0ENC');
    for (const secret of SECRET_STRINGS('T0ENC')) expect(raw?.text).not.toContain(secret);
    expect(raw?.data.bot).toMatchObject({ token: { v: 1, kid: 'test-k1' }, id: 'B0BOT', userId: 'U0BOT', scopes: ['chat:write'], expiresAt: 1800000000 });
    expect(raw?.data.team).toEqual({ id: 'T0ENC', name: 'Clinic' });
    expect(raw?.data.incomingWebhook).toMatchObject({ channel: '#general', url: { kid: 'test-k1' } });
    expect(await findInstallation(db, secrets, keyFor('T0ENC'))).toEqual({ active: true, data: JSON.parse(JSON.stringify(installation('T0ENC'))) });
  });

  it('erases every token on uninstall (not just marks it inactive), keeping the rest of the record', async () => {
    const db = database.current.db;
    await saveInstallation(db, secrets, keyFor('T0BYE'), installation('T0BYE'), NOW);
    expect(await deactivateInstallation(db, secrets, keyFor('T0BYE'), NOW)).toBe(true);
    const raw = await rawRow(db, 'T0BYE');
    expect(raw?.active).toBe(false);
    expect(raw?.text).not.toContain('"kid"');
    expect(raw?.data.bot).toEqual({ expiresAt: 1800000000, scopes: ['chat:write'], id: 'B0BOT', userId: 'U0BOT' });
    expect(raw?.data.user).toEqual({ scopes: ['identify'], id: 'U0ADMIN' });
    expect(raw?.data.team).toEqual({ id: 'T0BYE', name: 'Clinic' });
    // A second removal (tokens_revoked after app_uninstalled) finds the row and changes nothing more.
    expect(await deactivateInstallation(db, secrets, keyFor('T0BYE'), NOW)).toBe(true);
    expect((await rawRow(db, 'T0BYE'))?.data).toEqual(raw?.data);
    expect(await deactivateInstallation(db, secrets, keyFor('T0NEVER'), NOW)).toBe(false);
  });

  it('erases plain-text tokens stored before encryption too', async () => {
    const db = database.current.db;
    await insertPlain(db, 'T0OLDBYE');
    await deactivateInstallation(db, secrets, keyFor('T0OLDBYE'), NOW);
    const raw = await rawRow(db, 'T0OLDBYE');
    for (const secret of SECRET_STRINGS('T0OLDBYE')) expect(raw?.text).not.toContain(secret);
  });

  it('refuses to store a token without a configured key (a real PostgreSQL without RECERT_ENCRYPTION_KEY), storing nothing', async () => {
    const db = database.current.db;
    await expect(saveInstallation(db, noKey, keyFor('T0NOKEY'), installation('T0NOKEY'), NOW)).rejects.toThrow(SecretError);
    await expect(saveInstallation(db, noKey, keyFor('T0NOKEY'), installation('T0NOKEY'), NOW)).rejects.toThrow('Refusing to store a token without an encryption key');
    expect(await rawRow(db, 'T0NOKEY')).toBeUndefined();
  });

  it('reads a plain-text row from before encryption, and encrypts it on the next write', async () => {
    const db = database.current.db;
    await insertPlain(db, 'T0LEGACY');
    expect(await findInstallation(db, secrets, keyFor('T0LEGACY'))).toMatchObject({ active: true, data: { bot: { token: 'xoxb-T0LEGACY-bot' } } });
    expect(await findInstallation(db, noKey, keyFor('T0LEGACY'))).toMatchObject({ data: { bot: { token: 'xoxb-T0LEGACY-bot' } } });
    await saveInstallation(db, secrets, keyFor('T0LEGACY'), (await findInstallation(db, secrets, keyFor('T0LEGACY')))?.data, NOW);
    const raw = await rawRow(db, 'T0LEGACY');
    for (const secret of SECRET_STRINGS('T0LEGACY')) expect(raw?.text).not.toContain(secret);
  });

  it('does not decrypt a token copied into another installation row', async () => {
    const db = database.current.db;
    await saveInstallation(db, secrets, keyFor('T0VICTIM'), installation('T0VICTIM'), NOW);
    await saveInstallation(db, secrets, keyFor('T0THIEF'), installation('T0THIEF'), NOW);
    await sql`update platform_installations set data = jsonb_set(data, '{bot,token}', (select data #> '{bot,token}' from platform_installations where installation_key = 'team:T0VICTIM'))
      where installation_key = 'team:T0THIEF'`.execute(db);
    await expect(findInstallation(db, secrets, keyFor('T0THIEF'))).rejects.toThrow(/integrity check/);
  });
});

/** A row as Recert stored it before this change: the whole Bolt record in clear. */
async function insertPlain(db: Db, teamId: string): Promise<void> {
  await sql`insert into platform_installations (platform, installation_key, team_id, data, installed_at, updated_at)
    values ('slack', ${`team:${teamId}`}, ${teamId}, ${JSON.stringify(installation(teamId))}::jsonb, ${NOW}, ${NOW})`.execute(db);
}
