import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sqlState } from './errors.ts';

/** The embedded database's folder cannot be created or written (the errno name is on `code`). */
export class DataDirUnusableError extends Error {
  readonly dataDir: string;
  /** EACCES, EPERM, EROFS, ENOENT, ENOTDIR, ENOSPC… */
  readonly code: string;
  constructor(dataDir: string, code: string, cause: unknown) {
    super(`cannot use ${dataDir} for the embedded database (${code})`, { cause });
    this.name = 'DataDirUnusableError';
    this.dataDir = dataDir;
    this.code = code;
  }
}

/**
 * Before PGlite opens `dataDir`: create it if needed and write (then remove) a small file, so a
 * folder that cannot be used fails now, with its errno, instead of deep inside PGlite. The
 * folders are made one at a time because Node's `mkdir(…, { recursive: true })` never returns
 * for a path such as /proc/nope (the parent exists, yet the child can never be created).
 */
export async function checkDataDir(dataDir: string): Promise<void> {
  try {
    await makeFolders(path.resolve(dataDir));
    const probe = path.join(dataDir, `.recert-write-check-${randomUUID()}`);
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  } catch (error) {
    throw new DataDirUnusableError(dataDir, sqlState(error) ?? 'EIO', error);
  }
}

async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  while (!(await isThere(current))) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const each of missing) {
    // Another process may create the same folder at the same moment: that is fine.
    await mkdir(each).catch((error: unknown) => {
      if (sqlState(error) !== 'EEXIST') throw error;
    });
  }
  if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
}

/** Whether `file` exists; only "no such file" counts as absent, anything else (ENOTDIR, EACCES) is thrown. */
async function isThere(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (sqlState(error) === 'ENOENT') return false;
    throw error;
  }
}
