import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/run-cli.ts';

describe('the process', () => {
  it('closes the embedded database and exits on SIGTERM while the chat waits for input', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'recert-sigterm-'));
    try {
      const child = spawn(process.execPath, [BIN], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', RECERT_DATA_DIR: dataDir, RECERT_USER: 'Gale' }, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.stdin.write('status\n');
      const until = Date.now() + 120_000;
      while (!out.includes('No certificate on file') && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(out, 'the chat answered before the signal').toContain('No certificate on file');
      expect(existsSync(path.join(dataDir, 'recert.lock'))).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(path.join(dataDir, 'recert.lock'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a second process on the same embedded data directory', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'recert-lock-'));
    try {
      await writeFile(path.join(dataDir, 'recert.lock'), String(process.pid));
      const result = await runCli(['shell'], { env: { RECERT_DATA_DIR: dataDir }, input: 'status\n' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`another Recert process (pid ${process.pid}) is using ${dataDir}`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('reads configuration from a .env file in the working directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'recert-env-'));
    try {
      await writeFile(path.join(dir, '.env'), 'LOG_LEVEL=chatty\n');
      const result = await runCli(['shell'], { cwd: dir, input: '' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('LOG_LEVEL must be debug, info, warn or error');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
