import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../adapters/cli/commands/export.ts';
import { reportCommand } from '../../../adapters/cli/commands/report.ts';
import { rosterCommand } from '../../../adapters/cli/commands/roster.ts';
import { fileProblem, folderProblem, writeProblem } from '../../../adapters/cli/output-path.ts';
import { isValidZone } from '../../../src/domain/dates.ts';
import { parseConfig } from '../../../src/config.ts';

/**
 * `--out` that cannot be written (review of issue 7): one line on stderr and exit 1, found before
 * the database is opened — the configured database does not exist here, so reaching it would fail
 * differently — and never "Recert stopped: ENOTDIR …".
 */
describe('recert report / roster export / export with an --out that cannot be written', () => {
  let dir: string;
  let aFile: string;
  const config = parseConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/never-opened' }, { timeZone: 'UTC', userName: 'Dana', isValidZone });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recert-out-'));
    aFile = path.join(dir, 'a-file.txt');
    await writeFile(aFile, 'in the way');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function capture() {
    const lines: string[] = [];
    return { lines, io: { out: (text: string) => lines.push(`out:${text}`), err: (line: string) => lines.push(line), cwd: dir } };
  }

  it.each([
    ['report into a missing folder', () => ['--org', 'local', '--out', path.join(dir, 'missing', 'r.csv')], 'its folder does not exist'],
    ['report under a file', () => ['--org', 'local', '--out', path.join(aFile, 'r.csv')], 'is not a folder'],
    ['report onto a folder', () => ['--org', 'local', '--json', '--out', dir], 'it is a folder'],
  ])('%s', async (_label, args, why) => {
    const { lines, io } = capture();
    expect(await reportCommand(args(), config, io)).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot write ".+": /);
    expect(lines[0]).toContain(why);
  });

  it('roster export under a file', async () => {
    const { lines, io } = capture();
    expect(await rosterCommand(['export', '--org', 'local', '--out', path.join(aFile, 'x.csv')], config, io)).toBe(1);
    expect(lines).toEqual([`Cannot write "${path.join(aFile, 'x.csv')}": "${aFile}" is not a folder.`]);
  });

  it.each([
    ['transcript into a file', () => ['transcript', '--org', 'local', '--person', 'ana', '--out', aFile], 'a file is in the way of the folder'],
    ['pack under a file', () => ['pack', '--org', 'local', '--person', 'ana', '--out', path.join(aFile, 'sub')], 'a part of the path is a file'],
  ])('export %s', async (_label, args, why) => {
    const { lines, io } = capture();
    expect(await exportCommand(args(), config, io)).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(why);
  });

  it('accepts a writable place, and words the errors a write may still meet', async () => {
    expect(await fileProblem(path.join(dir, 'new.csv'))).toBeNull();
    expect(await folderProblem(path.join(dir, 'made', 'here'))).toBeNull();
    expect(writeProblem('/x', Object.assign(new Error('no'), { code: 'EACCES' }))).toBe('Cannot write "/x": permission denied.');
    expect(writeProblem('/x', Object.assign(new Error('no'), { code: 'ENOSPC' }))).toBe('Cannot write "/x": the disk is full.');
    expect(writeProblem('/x', Object.assign(new Error('odd'), { code: 'EWHAT' }))).toBe('Cannot write "/x": EWHAT.');
  });
});
