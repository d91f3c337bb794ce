import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM: 32-byte keys, a fresh 96-bit IV for every value, the full 128-bit tag. */
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

export interface EncryptionKey {
  /** Stored with every value it encrypts, so a value names the key that opens it. */
  readonly id: string;
  readonly key: Buffer;
}

/**
 * An encrypted value as it is stored: version, key id, IV, GCM tag and ciphertext (base64). It
 * describes itself, so a reader finds it anywhere in a JSON record and knows which key opens it.
 */
export interface SealedSecret {
  readonly v: 1;
  readonly kid: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export type SecretErrorCode = 'no-key' | 'key-unknown' | 'secret-tampered' | 'secret-malformed';

/** An operator's problem (a key is missing or wrong), not a person's: it names what to fix. */
export class SecretError extends Error {
  readonly code: SecretErrorCode;
  constructor(code: SecretErrorCode, message: string) {
    super(message);
    this.name = 'SecretError';
    this.code = code;
  }
}

export function isSealed(value: unknown): value is SealedSecret {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.v === 1 && ['kid', 'iv', 'tag', 'data'].every((field) => typeof v[field] === 'string');
}

/**
 * Encrypts with the first key and decrypts with any of them, so keys can rotate: put the new key
 * first, keep the old ones until `recert keys rotate` has re-encrypted everything. `context` is
 * authenticated with each value (where it is stored), so a value copied elsewhere does not open.
 */
export class SecretBox {
  private readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: readonly EncryptionKey[]) {
    const first = keys[0];
    if (!first) throw new SecretError('no-key', 'a secret box needs at least one key');
    const map = new Map<string, Buffer>();
    for (const { id, key } of keys) {
      if (key.length !== KEY_BYTES) throw new SecretError('secret-malformed', `encryption key "${id}" is ${key.length} bytes; AES-256 needs ${KEY_BYTES}`);
      if (map.has(id)) throw new SecretError('secret-malformed', `encryption key id "${id}" is listed twice`);
      map.set(id, Buffer.from(key));
    }
    this.keys = map;
    this.currentKeyId = first.id;
  }

  get keyIds(): readonly string[] {
    return [...this.keys.keys()];
  }

  seal(plain: string, context: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keyFor(this.currentKeyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { v: 1, kid: this.currentKeyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  open(sealed: SealedSecret, context: string): string {
    const key = this.keys.get(sealed.kid);
    if (!key) throw new SecretError('key-unknown', `encrypted with key id "${sealed.kid}", which is not configured (configured: ${this.keyIds.join(', ')})`);
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretError('secret-malformed', `encrypted value (key id "${sealed.kid}") has a malformed IV or tag`);
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretError('secret-tampered', `encrypted value (key id "${sealed.kid}") failed its integrity check: it was altered, moved, or the key "${sealed.kid}" is not the one that encrypted it`);
    }
  }

  /** Whether `sealed` is already encrypted with the current (first) key. */
  isCurrent(sealed: SealedSecret): boolean {
    return sealed.kid === this.currentKeyId;
  }

  private keyFor(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new SecretError('key-unknown', `key id "${id}" is not configured`);
    return key;
  }
}
