import { open } from 'node:fs/promises';
import path from 'node:path';
import { MAX_PROOF_BYTES } from '../../src/index.ts';

export type LocalFile =
  | { readonly kind: 'read'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large'; readonly name: string; readonly sizeBytes: number }
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'not-a-file'; readonly path: string };

/**
 * Read a certificate from disk for `proof <path>`. Never reads more than the cap plus one byte,
 * so a huge file is refused without loading it.
 */
export async function readLocalFile(filePath: string, cwd: string): Promise<LocalFile> {
  const full = path.resolve(cwd, filePath.replace(/^~(?=$|\/)/, process.env.HOME ?? '~'));
  const handle = await open(full, 'r').catch(() => null);
  if (!handle) return { kind: 'missing', path: filePath };
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'not-a-file', path: filePath };
    if (stat.size > MAX_PROOF_BYTES) return { kind: 'too-large', name: path.basename(full), sizeBytes: stat.size };
    const bytes = new Uint8Array(stat.size);
    await handle.read(bytes, 0, stat.size, 0);
    return { kind: 'read', name: path.basename(full), bytes };
  } finally {
    await handle.close();
  }
}
