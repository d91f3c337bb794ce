import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readEvidence, type CoreDeps, type Paperwork, type PaperworkDelivery } from '../../../src/index.ts';
import type { PaperworkFile } from './files.ts';

/**
 * The files of an export, made by the lazily loaded builders (pdfkit, fflate, csv-stringify load on
 * the first export, never at start), certificates read back from the database and checked.
 */
export async function makePaperworkFiles(deps: Pick<CoreDeps, 'db'>, paperwork: Paperwork): Promise<PaperworkFile[]> {
  const { paperworkFiles } = await import('./files.ts');
  return paperworkFiles(paperwork, (pack) => readEvidence(deps, pack));
}

/** What a reply says was delivered: each file's name, type and size, and where. */
export function deliveryOf(files: readonly PaperworkFile[], place: PaperworkDelivery['place']): PaperworkDelivery {
  return { files: files.map((f) => ({ name: f.name, mediaType: f.mediaType, sizeBytes: f.bytes.length })), place };
}

/** Write a file whole or not at all: a reader never sees half a PDF (a temporary name, then rename). */
export async function writeWhole(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  // Unique per write: two exports of the same file at once (two processes, a double request) never share one.
  const temporary = `${target}.${randomUUID()}.part`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
}
