import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';

export interface PackEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A zip (fflate) of `entries` plus `SHA256SUMS`, the SHA-256 of each file in `sha256sum` format
 * (`sha256sum -c SHA256SUMS` checks the unpacked files). PDFs and images are stored, not deflated:
 * they are compressed already. Times are the day the pack was made (midday UTC), so a zip is reproducible.
 */
export function evidenceZip(entries: readonly PackEntry[], madeOn: string): Buffer {
  const mtime = new Date(`${madeOn}T12:00:00Z`);
  const files: Zippable = {};
  const sums: string[] = [];
  for (const entry of entries) {
    files[entry.name] = [entry.bytes, { level: /\.(pdf|png|jpe?g)$/i.test(entry.name) ? 0 : 6, mtime }];
    sums.push(`${sha256Hex(entry.bytes)}  ${entry.name}`);
  }
  files['SHA256SUMS'] = [new TextEncoder().encode(`${sums.join('\n')}\n`), { level: 6, mtime }];
  return Buffer.from(zipSync(files));
}
