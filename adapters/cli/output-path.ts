import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where `--out` points, checked before the database is opened: a place that cannot be written is
 * one line (and exit 1) before anything is read or audited as exported, never "Recert stopped".
 */

/** Null when a file can be written at `target` (its folder exists and is writable; it is not a folder); else the line to print. */
export async function fileProblem(target: string): Promise<string | null> {
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) return `Cannot write "${target}": it is a folder. Give a file name with --out.`;
  return folderProblem(path.dirname(target), target, false);
}

/** Null when files can be written into `folder` (made when missing, as the exports do); else the line to print. */
export async function folderProblem(folder: string, shown = folder, create = true): Promise<string | null> {
  if (create) {
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      return writeProblem(shown, error);
    }
  }
  try {
    if (!(await stat(folder)).isDirectory()) return `Cannot write "${shown}": "${folder}" is not a folder.`;
    await access(folder, constants.W_OK);
    return null;
  } catch (error) {
    return writeProblem(shown, error);
  }
}

/** A file-system error while writing `target`, in words (one line); unforeseen codes are named as they are. */
export function writeProblem(target: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const why: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file is in the way of the folder',
    EISDIR: 'it is a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
  };
  return `Cannot write "${target}": ${why[code] ?? (code || String(error))}.`;
}
