import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, formatKeySpec, KEY_BYTES, parseKeySpec, SecretBox, type Config, type EncryptionKey, type Logger } from '../../src/index.ts';

/** The embedded database's own key, beside its data (`<RECERT_DATA_DIR>/encryption.key`, mode 0600). */
export const KEY_FILE_NAME = 'encryption.key';

/**
 * The keys stored tokens are encrypted with. RECERT_ENCRYPTION_KEY wins when set. Without it, the
 * embedded database generates a key into its data directory on first start and reuses it; a real
 * PostgreSQL gets none (null), so storing a token is refused rather than done in clear. With both a
 * configured key and a key file, the file's key still decrypts (so `recert keys rotate` can move
 * values from it), but never encrypts.
 */
export async function secretBoxFor(config: Config, embedded: boolean, log: Logger): Promise<SecretBox | null> {
  const configured = config.encryptionKeys ?? [];
  if (!embedded) return configured.length ? new SecretBox(configured) : null;
  const file = path.join(config.dataDir, KEY_FILE_NAME);
  const fromFile = configured.length ? ((await readKeyFile(file, log)) ?? []) : await readOrCreateKeyFile(file, log);
  return new SecretBox([...configured, ...fromFile.filter((k) => !configured.some((c) => c.id === k.id))]);
}

async function readOrCreateKeyFile(file: string, log: Logger): Promise<EncryptionKey[]> {
  const key: EncryptionKey = { id: `local-${randomBytes(3).toString('hex')}`, key: randomBytes(KEY_BYTES) };
  try {
    // `wx`: only the first of two racing starts creates it; the other reads what it wrote.
    await writeFile(file, `${formatKeySpec([key])}\n`, { mode: 0o600, flag: 'wx' });
    log.info('encryption key created for the embedded database', { file, keyId: key.id });
    return [key];
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
  }
  return (await readKeyFile(file, log)) ?? [];
}

async function readKeyFile(file: string, log: Logger): Promise<EncryptionKey[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
  const { keys, problems } = parseKeySpec(text.trim(), file);
  if (problems.length) throw new ConfigError(problems);
  // Group or others may read it: say so (the key is as secret as the tokens it protects).
  if (((await stat(file)).mode & 0o077) !== 0) log.warn('the encryption key file is readable by other users: chmod 600 it', { file });
  return keys;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
