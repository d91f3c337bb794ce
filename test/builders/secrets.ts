import { SecretBox, type EncryptionKey } from '../../src/secrets/secret-box.ts';

/** A fixed 32-byte test key (never a real one): `fill` picks its bytes, so two ids give two keys. */
export function testKey(id: string, fill = 7): EncryptionKey {
  return { id, key: Buffer.alloc(32, fill) };
}

/** `id:base64` as RECERT_ENCRYPTION_KEY takes it. */
export function testKeySpec(id: string, fill = 7): string {
  return `${id}:${testKey(id, fill).key.toString('base64')}`;
}

export function testSecretBox(...keys: EncryptionKey[]): SecretBox {
  return new SecretBox(keys.length ? keys : [testKey('test-k1')]);
}
