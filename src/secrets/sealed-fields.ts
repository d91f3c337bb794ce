import { isSealed, SecretError, type SealedSecret, type SecretBox } from './secret-box.ts';

/** Where a secret sits in a JSON record, e.g. `['bot', 'token']`. */
export type SecretPath = readonly string[];

type Node = Record<string, unknown>;

export const NO_KEY_TO_STORE =
  'Refusing to store a token without an encryption key: set RECERT_ENCRYPTION_KEY (id:base64key; see README, Configuration)';

/** What each value is authenticated with: the record it is stored in and its place there. */
function contextOf(scope: string, path: readonly string[]): string {
  return `${scope}#${path.join('.')}`;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

/** A JSON copy (what the database would store anyway: undefined fields drop out). */
function copyOf(record: unknown): unknown {
  return record === undefined ? undefined : (JSON.parse(JSON.stringify(record)) as unknown);
}

/** The parent object of `path` and the last key, when that parent exists. */
function slot(record: unknown, path: SecretPath): { parent: Node; key: string } | null {
  let node: unknown = record;
  for (const part of path.slice(0, -1)) node = isNode(node) ? node[part] : undefined;
  const key = path.at(-1);
  return isNode(node) && key !== undefined ? { parent: node, key } : null;
}

/**
 * A copy of `record` with the plain-text string at each of `paths` encrypted. Without a box, a
 * record that holds any such secret is refused (nothing is stored in clear).
 */
export function sealSecrets(record: unknown, paths: readonly SecretPath[], box: SecretBox | null, scope: string): unknown {
  const copy = copyOf(record);
  for (const path of paths) {
    const at = slot(copy, path);
    const value = at?.parent[at.key];
    if (!at || typeof value !== 'string') continue;
    if (!box) throw new SecretError('no-key', NO_KEY_TO_STORE);
    at.parent[at.key] = box.seal(value, contextOf(scope, path));
  }
  return copy;
}

/** Calls `visit` for every sealed value in `node`, replacing it with what `visit` returns. */
function mapSealed(node: unknown, path: string[], visit: (sealed: SealedSecret, path: readonly string[]) => unknown): unknown {
  if (isSealed(node)) return visit(node, path);
  if (Array.isArray(node)) return node.map((item, i) => mapSealed(item, [...path, String(i)], visit));
  if (!isNode(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, mapSealed(value, [...path, key], visit)]));
}

/** A copy of `record` with every sealed value, wherever it is, decrypted. Plain (older) values pass through. */
export function openSecrets(record: unknown, box: SecretBox | null, scope: string): unknown {
  return mapSealed(record, [], (sealed, path) => {
    if (!box) throw new SecretError('no-key', `a stored value is encrypted (key id "${sealed.kid}") but no encryption key is configured: set RECERT_ENCRYPTION_KEY`);
    return box.open(sealed, contextOf(scope, path));
  });
}

export interface Resealed {
  readonly record: unknown;
  /** Values that were encrypted with an older key and now use the current one. */
  readonly reencrypted: number;
  /** Values that were stored in plain text (from before encryption) and are now encrypted. */
  readonly encryptedPlain: number;
}

/** Bring every secret in `record` to the current key: re-encrypt older values, encrypt plain ones. */
export function resealSecrets(record: unknown, paths: readonly SecretPath[], box: SecretBox, scope: string): Resealed {
  let reencrypted = 0;
  const current = mapSealed(copyOf(record), [], (sealed, path) => {
    if (box.isCurrent(sealed)) return sealed;
    reencrypted += 1;
    const context = contextOf(scope, path);
    return box.seal(box.open(sealed, context), context);
  });
  const plain = paths.filter((path) => {
    const at = slot(current, path);
    return typeof at?.parent[at.key] === 'string';
  }).length;
  return { record: sealSecrets(current, paths, box, scope), reencrypted, encryptedPlain: plain };
}
