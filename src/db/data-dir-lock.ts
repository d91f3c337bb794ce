import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { sqlState } from './errors.ts';

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`another Recert process (pid ${pid}) is using ${dataDir}; stop it first or set RECERT_DATA_DIR to another folder`);
    this.name = 'DataDirInUseError';
  }
}

/**
 * PGlite has no multi-process locking: two processes on one data directory corrupt it. A lock
 * file with the owner's pid keeps a second start out; a lock left by a dead process is taken over.
 */
export async function lockDataDir(dataDir: string, pid: number, isAlive: (pid: number) => boolean): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'recert.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if (sqlState(error) !== 'EEXIST') throw error; // Node puts errno names on `code` too
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== pid && isAlive(owner)) throw new DataDirInUseError(dataDir, owner);
      await rm(file, { force: true });
    }
  }
  throw new DataDirInUseError(dataDir, pid);
}
