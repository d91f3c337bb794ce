import { describe, expect, it } from 'vitest';
import { openSecrets, resealSecrets, sealSecrets, type SecretPath } from '../../../src/secrets/sealed-fields.ts';
import { isSealed, SecretBox, SecretError } from '../../../src/secrets/secret-box.ts';
import { testKey } from '../../builders/secrets.ts';

const PATHS: readonly SecretPath[] = [
  ['bot', 'token'],
  ['bot', 'refreshToken'],
  ['user', 'token'],
];
const SCOPE = 'platform_installations/slack/team:T1';
const record = () => ({ team: { id: 'T1', name: 'Clinic' }, bot: { token: 'xoxb-bot-secret', refreshToken: 'xoxe-refresh-secret', id: 'B1', scopes: ['chat:write'], expiresAt: 1700000000 }, user: { id: 'U1' } });

describe('secrets inside a JSON record', () => {
  const box = new SecretBox([testKey('k1')]);

  it('encrypts only the token fields, keeping ids, names, scopes and expiry readable', () => {
    const sealed = sealSecrets(record(), PATHS, box, SCOPE) as ReturnType<typeof record>;
    expect(isSealed(sealed.bot.token)).toBe(true);
    expect(isSealed(sealed.bot.refreshToken)).toBe(true);
    expect(sealed).toMatchObject({ team: { id: 'T1', name: 'Clinic' }, bot: { id: 'B1', scopes: ['chat:write'], expiresAt: 1700000000 }, user: { id: 'U1' } });
    expect(JSON.stringify(sealed)).not.toMatch(/secret/);
    expect(openSecrets(sealed, box, SCOPE)).toEqual(record());
  });

  it('leaves the record it was given alone', () => {
    const original = record();
    sealSecrets(original, PATHS, box, SCOPE);
    expect(original).toEqual(record());
  });

  it('refuses a record with a token when there is no key, and accepts one without', () => {
    expect(() => sealSecrets(record(), PATHS, null, SCOPE)).toThrow(SecretError);
    expect(() => sealSecrets(record(), PATHS, null, SCOPE)).toThrow('set RECERT_ENCRYPTION_KEY');
    expect(sealSecrets({ team: { id: 'T1' } }, PATHS, null, SCOPE)).toEqual({ team: { id: 'T1' } });
  });

  it('reads plain-text records from before encryption as they are', () => {
    expect(openSecrets(record(), box, SCOPE)).toEqual(record());
    expect(openSecrets(record(), null, SCOPE)).toEqual(record());
  });

  it('does not open a record sealed for another installation', () => {
    const sealed = sealSecrets(record(), PATHS, box, SCOPE);
    expect(() => openSecrets(sealed, box, 'platform_installations/slack/team:T2')).toThrow(/integrity check/);
  });

  it('reseals: older keys and plain text move to the current key; current values are left alone', () => {
    const onOld = sealSecrets({ ...record(), user: { id: 'U1', token: 'xoxp-user-secret' } }, [['bot', 'token'], ['bot', 'refreshToken']], box, SCOPE);
    const rotated = new SecretBox([testKey('k2', 9), testKey('k1')]);
    const first = resealSecrets(onOld, PATHS, rotated, SCOPE);
    expect(first).toMatchObject({ reencrypted: 2, encryptedPlain: 1 });
    const bot = (first.record as { bot: { token: { kid: string } } }).bot;
    expect(bot.token.kid).toBe('k2');
    expect(openSecrets(first.record, rotated, SCOPE)).toEqual({ ...record(), user: { id: 'U1', token: 'xoxp-user-secret' } });
    expect(resealSecrets(first.record, PATHS, rotated, SCOPE)).toMatchObject({ reencrypted: 0, encryptedPlain: 0, record: first.record });
  });
});
