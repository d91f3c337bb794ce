import { KEY_BYTES, type EncryptionKey } from './secret-box.ts';

/** A key id: short, safe to print and to store beside every value. */
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/** 32 bytes in standard base64 are 44 characters ending in one `=`. */
const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Parse `id:base64key[,id:base64key…]` (RECERT_ENCRYPTION_KEY, and the embedded key file). Returns
 * the problems instead of throwing, for the configuration to report; a problem never shows key bytes.
 */
export function parseKeySpec(text: string, source: string): { keys: EncryptionKey[]; problems: string[] } {
  const keys: EncryptionKey[] = [];
  const problems: string[] = [];
  const entries = text.split(',').map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    const where = entries.length > 1 ? `${source} entry ${index + 1}` : source;
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon).trim() : '';
    const encoded = colon > 0 ? entry.slice(colon + 1).trim() : '';
    if (!id || !encoded) return void problems.push(`${where} must be "id:base64key" (e.g. k1:<44 base64 characters>)`);
    if (!KEY_ID.test(id)) return void problems.push(`${where}: key id "${id.slice(0, 40)}" may hold only letters, digits, ".", "_" and "-" (at most 40)`);
    if (!BASE64_32.test(encoded)) return void problems.push(`${where}: key "${id}" must be ${KEY_BYTES} random bytes in base64 (44 characters; openssl rand -base64 ${KEY_BYTES})`);
    if (keys.some((k) => k.id === id)) return void problems.push(`${where}: key id "${id}" is listed twice`);
    keys.push({ id, key: Buffer.from(encoded, 'base64') });
  });
  return { keys, problems };
}

export function formatKeySpec(keys: readonly EncryptionKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}
