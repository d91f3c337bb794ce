import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, secretBoxFor } from '../../../adapters/cli/encryption-keys.ts';
import { ConfigError, parseConfig, type Config } from '../../../src/config.ts';
import { isValidZone } from '../../../src/domain/dates.ts';
import { RecordingLogger } from '../../fakes/recording-logger.ts';
import { testKeySpec } from '../../builders/secrets.ts';

const HERE = 'somewhere#bot.token';

describe('which encryption key the command line uses', () => {
  let dataDir: string;
  const config = (env: Record<string, string> = {}): Config => parseConfig({ RECERT_DATA_DIR: dataDir, ...env }, { timeZone: 'UTC', userName: 'Dana', isValidZone });

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'recert-keys-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('embedded: generates a key into the data directory on first start (mode 0600) and reuses it', async () => {
    const log = new RecordingLogger();
    const first = await secretBoxFor(config(), true, log);
    const file = path.join(dataDir, KEY_FILE_NAME);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toMatch(/^local-[0-9a-f]{6}:[A-Za-z0-9+/]{43}=\n$/);
    expect(log.lines.map((l) => l.message)).toContain('encryption key created for the embedded database');
    const again = await secretBoxFor(config(), true, new RecordingLogger());
    expect(again?.currentKeyId).toBe(first?.currentKeyId);
    const sealed = first?.seal('xoxb-1', HERE);
    expect(sealed && again?.open(sealed, HERE)).toBe('xoxb-1');
  });

  it('embedded: RECERT_ENCRYPTION_KEY wins for encrypting; an existing key file still decrypts', async () => {
    const fileKey = await secretBoxFor(config(), true, new RecordingLogger());
    const old = fileKey?.seal('xoxb-old', HERE);
    const box = await secretBoxFor(config({ RECERT_ENCRYPTION_KEY: testKeySpec('k2') }), true, new RecordingLogger());
    expect(box?.currentKeyId).toBe('k2');
    expect(old && box?.open(old, HERE)).toBe('xoxb-old');
  });

  it('embedded with a configured key: no key file is created', async () => {
    const box = await secretBoxFor(config({ RECERT_ENCRYPTION_KEY: testKeySpec('k2') }), true, new RecordingLogger());
    expect(box?.keyIds).toEqual(['k2']);
    await expect(stat(path.join(dataDir, KEY_FILE_NAME))).rejects.toThrow(/ENOENT/);
  });

  it('real PostgreSQL: only the configured key, and none without RECERT_ENCRYPTION_KEY (storing is then refused)', async () => {
    const url = { DATABASE_URL: 'postgres://db.example/recert' };
    expect(await secretBoxFor(config(url), false, new RecordingLogger())).toBeNull();
    expect((await secretBoxFor(config({ ...url, RECERT_ENCRYPTION_KEY: testKeySpec('k1') }), false, new RecordingLogger()))?.keyIds).toEqual(['k1']);
    await expect(stat(path.join(dataDir, KEY_FILE_NAME))).rejects.toThrow(/ENOENT/);
  });

  it('reports a damaged key file, and warns when others may read it', async () => {
    const file = path.join(dataDir, KEY_FILE_NAME);
    await writeFile(file, 'local-1:too-short\n', { mode: 0o600 });
    await expect(secretBoxFor(config(), true, new RecordingLogger())).rejects.toThrow(ConfigError);
    await expect(secretBoxFor(config(), true, new RecordingLogger())).rejects.toThrow(`${file}: key "local-1" must be 32 random bytes`);
    await writeFile(file, `${testKeySpec('local-1')}\n`);
    await chmod(file, 0o644);
    const log = new RecordingLogger();
    expect((await secretBoxFor(config(), true, log))?.currentKeyId).toBe('local-1');
    expect(log.lines.some((l) => l.level === 'warn' && l.message.includes('chmod 600'))).toBe(true);
  });
});
