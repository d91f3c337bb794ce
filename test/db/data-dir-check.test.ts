import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDataDir, DataDirUnusableError } from '../../src/db/data-dir-check.ts';

describe('checkDataDir: the embedded database folder, before PGlite opens it', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'recert-check-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates missing folders, several levels deep, and leaves nothing behind in them', async () => {
    const dataDir = path.join(root, 'a', 'b', 'data');
    await checkDataDir(dataDir);
    expect((await stat(dataDir)).isDirectory()).toBe(true);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('accepts a folder that is already there (also when several processes check it at once)', async () => {
    const dataDir = path.join(root, 'shared');
    await Promise.all([checkDataDir(dataDir), checkDataDir(dataDir), checkDataDir(dataDir)]);
    await checkDataDir(dataDir);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a path through a file, or a file itself, with ENOTDIR', async () => {
    await writeFile(path.join(root, 'file'), 'x');
    for (const dataDir of [path.join(root, 'file', 'data'), path.join(root, 'file')]) {
      await expect(checkDataDir(dataDir)).rejects.toMatchObject({ name: 'DataDirUnusableError', code: 'ENOTDIR', dataDir });
    }
  });

  it.runIf(process.platform === 'linux')('fails at once for a folder that can never be created (/proc/nope), where a recursive mkdir never returns', async () => {
    const started = performance.now();
    const failure = await checkDataDir('/proc/nope/deeper').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DataDirUnusableError);
    expect(failure).toMatchObject({ code: 'ENOENT', dataDir: '/proc/nope/deeper' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
