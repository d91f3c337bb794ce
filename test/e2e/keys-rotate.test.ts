import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { testKeySpec } from '../builders/secrets.ts';
import { runCli } from '../support/run-cli.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const TOKEN = 'xoxb-plain-text-from-before';
const REFRESH = 'xoxe-refresh-from-before';

/** Open the embedded database in `dataDir` from this process (no recert process is running then). */
async function withEmbedded<T>(dataDir: string, body: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const isAlive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const database = await openDatabase({ url: null, dataDir, poolMax: 2, extraConnections: 0, migrate: false }, { pid: process.pid, isAlive });
  try {
    return await body(database.db);
  } finally {
    await database.close();
  }
}

describe('recert keys rotate', () => {
  it('encrypts a plain-text row, moves it to a new key, is idempotent, and names a value it cannot decrypt', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'recert-rotate-'));
    const dataDir = path.join(dir, 'data');
    const run = (env: Record<string, string | undefined> = {}) => runCli(['keys', 'rotate'], { cwd: dir, env: { RECERT_DATA_DIR: dataDir, RECERT_ENCRYPTION_KEY: undefined, ...env } });
    try {
      expect((await runCli(['migrate'], { cwd: dir, env: { RECERT_DATA_DIR: dataDir, RECERT_ENCRYPTION_KEY: undefined } })).code).toBe(0);
      const localKeyId = (await readFile(path.join(dataDir, 'encryption.key'), 'utf8')).split(':')[0];
      const installation = { team: { id: 'T0OLD', name: 'Old Clinic' }, bot: { token: TOKEN, refreshToken: REFRESH, id: 'B1', userId: 'U1', scopes: ['chat:write'] }, user: { id: 'U2' } };
      await withEmbedded(dataDir, (db) =>
        sql`insert into platform_installations (platform, installation_key, team_id, data, installed_at, updated_at)
            values ('slack', 'team:T0OLD', 'T0OLD', ${JSON.stringify(installation)}::jsonb, now(), now())`.execute(db),
      );

      const first = await run();
      expect(first.stderr).toBe('');
      expect(first).toMatchObject({ code: 0, stdout: `Re-encrypted 2 values with key ${localKeyId}, 2 of them stored in plain text until now (1 installation checked).\n` });

      const toNew = await run({ RECERT_ENCRYPTION_KEY: testKeySpec('k2026') });
      expect(toNew).toMatchObject({ code: 0, stdout: 'Re-encrypted 2 values with key k2026 (1 installation checked).\n' });
      expect(await run({ RECERT_ENCRYPTION_KEY: testKeySpec('k2026') })).toMatchObject({ code: 0, stdout: 'Nothing to re-encrypt: every stored secret uses key k2026 (1 installation checked).\n' });

      const raw = await withEmbedded(dataDir, async (db) => (await sql<{ text: string; kid: string; refreshKid: string; team: string }>`
        select data::text as text, data #>> '{bot,token,kid}' as kid, data #>> '{bot,refreshToken,kid}' as "refreshKid", data #>> '{team,name}' as team
        from platform_installations where installation_key = 'team:T0OLD'`.execute(db)).rows[0]);
      expect(raw).toMatchObject({ kid: 'k2026', refreshKid: 'k2026', team: 'Old Clinic' });
      expect(raw?.text).not.toContain(TOKEN);
      expect(raw?.text).not.toContain(REFRESH);

      const wrongKey = await run({ RECERT_ENCRYPTION_KEY: testKeySpec('k-other', 3) });
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stderr).toContain('Cannot decrypt slack installation team:T0OLD: encrypted with key id "k2026", which is not configured');
      expect(wrongKey.stdout).toContain('Nothing to re-encrypt');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('explains a wrong subcommand without opening the database', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'recert-keys-usage-'));
    try {
      const result = await runCli(['keys', 'spin'], { cwd: dir, env: { RECERT_DATA_DIR: path.join(dir, 'data') } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Unknown keys command "spin"');
      expect(result.stderr).toContain('Usage: recert keys rotate');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses on a real PostgreSQL (DATABASE_URL) without RECERT_ENCRYPTION_KEY, naming the variable', async () => {
    const result = await runCli(['keys', 'rotate'], { cwd: tmpdir(), env: { DATABASE_URL: database.current.connectionString, RECERT_ENCRYPTION_KEY: undefined } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No encryption key is configured: set RECERT_ENCRYPTION_KEY');
  });
});
