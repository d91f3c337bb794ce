import path from 'node:path';
import type { CoreDeps, Reply } from '../../src/index.ts';
import { deliveryOf, makePaperworkFiles, writeWhole } from '../common/paperwork/make-files.ts';

type PaperworkReply = Extract<Reply, { kind: 'paperwork' }>;

/** The export folder cannot be made or written to (a file in its place, no permission, a full disk). */
export class ExportFolderError extends Error {
  readonly folder: string;
  readonly reason: string;
  constructor(folder: string, reason: string) {
    super(`cannot write to ${folder}: ${reason}`);
    this.folder = folder;
    this.reason = reason;
  }
}

/** The terminal's delivery: an export's files written into `folder` (absolute), the reply saying where. */
export function folderDelivery(deps: Pick<CoreDeps, 'db'>, folder: string): (reply: PaperworkReply) => Promise<PaperworkReply> {
  return async (reply) => {
    const files = await makePaperworkFiles(deps, reply.paperwork);
    try {
      for (const file of files) await writeWhole(path.join(folder, file.name), file.bytes);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
      throw new ExportFolderError(folder, code);
    }
    return { ...reply, delivered: deliveryOf(files, { kind: 'folder', path: folder }) };
  };
}
