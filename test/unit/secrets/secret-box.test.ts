import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config.ts';
import { isValidZone } from '../../../src/domain/dates.ts';
import { parseKeySpec } from '../../../src/secrets/key-spec.ts';
import { isSealed, SecretBox, SecretError, type SealedSecret } from '../../../src/secrets/secret-box.ts';
import { testKey, testKeySpec } from '../../builders/secrets.ts';

const TOKEN = 'xoxb-1234-5678-secret';
const HERE = 'platform_installations/slack/team:T1#bot.token';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof SecretError ? error.code : `not a SecretError: ${String(error)}`;
  }
}

describe('the secret box (AES-256-GCM)', () => {
  const box = new SecretBox([testKey('k1')]);

  it('round-trips a value, storing the key id, a 96-bit IV and a 128-bit tag, and no plain text', () => {
    const sealed = box.seal(TOKEN, HERE);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).toMatchObject({ v: 1, kid: 'k1' });
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
    expect(JSON.stringify(sealed)).not.toContain('secret');
    expect(box.open(sealed, HERE)).toBe(TOKEN);
  });

  it('uses a fresh IV every time, so the same token never looks the same twice', () => {
    const a = box.seal(TOKEN, HERE);
    const b = box.seal(TOKEN, HERE);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses to open with the wrong key bytes under the same id', () => {
    const other = new SecretBox([testKey('k1', 9)]);
    expect(codeOf(() => other.open(box.seal(TOKEN, HERE), HERE))).toBe('secret-tampered');
  });

  it('names a key id that is not configured', () => {
    const sealed = box.seal(TOKEN, HERE);
    const other = new SecretBox([testKey('k2', 9)]);
    expect(codeOf(() => other.open(sealed, HERE))).toBe('key-unknown');
    expect(() => other.open(sealed, HERE)).toThrow('key id "k1", which is not configured (configured: k2)');
  });

  it.each([
    ['the tag', (s: SealedSecret) => ({ ...s, tag: flip(s.tag) })],
    ['the ciphertext', (s: SealedSecret) => ({ ...s, data: flip(s.data) })],
    ['the IV', (s: SealedSecret) => ({ ...s, iv: flip(s.iv) })],
  ])('detects a change to %s', (_what, tamper) => {
    expect(codeOf(() => box.open(tamper(box.seal(TOKEN, HERE)), HERE))).toBe('secret-tampered');
  });

  it('detects a truncated tag as malformed', () => {
    const sealed = box.seal(TOKEN, HERE);
    expect(codeOf(() => box.open({ ...sealed, tag: sealed.tag.slice(0, 8) }, HERE))).toBe('secret-malformed');
  });

  it('does not open a value moved to another place (the place is authenticated)', () => {
    const sealed = box.seal(TOKEN, HERE);
    expect(codeOf(() => box.open(sealed, 'platform_installations/slack/team:T2#bot.token'))).toBe('secret-tampered');
  });

  it('rotates: the first key encrypts, every key decrypts', () => {
    const old = box.seal(TOKEN, HERE);
    const rotated = new SecretBox([testKey('k2', 9), testKey('k1')]);
    expect(rotated.currentKeyId).toBe('k2');
    expect(rotated.open(old, HERE)).toBe(TOKEN);
    expect(rotated.isCurrent(old)).toBe(false);
    const fresh = rotated.seal(TOKEN, HERE);
    expect(fresh.kid).toBe('k2');
    expect(rotated.isCurrent(fresh)).toBe(true);
    expect(codeOf(() => box.open(fresh, HERE))).toBe('key-unknown');
  });

  it('refuses no keys, a short key, or the same id twice', () => {
    expect(codeOf(() => new SecretBox([]))).toBe('no-key');
    expect(codeOf(() => new SecretBox([{ id: 'short', key: Buffer.alloc(16) }]))).toBe('secret-malformed');
    expect(codeOf(() => new SecretBox([testKey('k1'), testKey('k1', 9)]))).toBe('secret-malformed');
  });
});

describe('RECERT_ENCRYPTION_KEY', () => {
  const defaults = { timeZone: 'UTC', userName: 'Dana', isValidZone };

  it('reads one key, or several (the first encrypts)', () => {
    expect(parseConfig({}, defaults).encryptionKeys).toBeNull();
    const keys = parseConfig({ RECERT_ENCRYPTION_KEY: ` ${testKeySpec('k2', 9)} , ${testKeySpec('k1')} ` }, defaults).encryptionKeys;
    expect(keys?.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(keys?.[0]?.key).toEqual(Buffer.alloc(32, 9));
  });

  const good = testKeySpec('k1').split(':')[1] ?? '';
  it.each([
    ['no id', good, 'must be "id:base64key"'],
    ['an empty key', 'k1:', 'must be "id:base64key"'],
    ['a bad id', `k 1:${good}`, 'key id "k 1" may hold only'],
    ['16 bytes', `k1:${Buffer.alloc(16, 1).toString('base64')}`, 'key "k1" must be 32 random bytes in base64'],
    ['not base64', `k1:${'!'.repeat(43)}=`, 'key "k1" must be 32 random bytes in base64'],
    ['hex', `k1:${Buffer.alloc(32, 1).toString('hex')}`, 'key "k1" must be 32 random bytes'],
    ['a repeated id', `${testKeySpec('k1')},${testKeySpec('k1', 9)}`, 'RECERT_ENCRYPTION_KEY entry 2: key id "k1" is listed twice'],
  ])('explains a malformed value (%s) without showing key bytes', (_what, value, message) => {
    expect(() => parseConfig({ RECERT_ENCRYPTION_KEY: value }, defaults)).toThrow(ConfigError);
    expect(() => parseConfig({ RECERT_ENCRYPTION_KEY: value }, defaults)).toThrow(message);
    const { problems } = parseKeySpec(value, 'RECERT_ENCRYPTION_KEY');
    expect(problems.join(' ')).not.toContain(good);
  });
});

/** Change one byte of a base64 value. */
function flip(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}
