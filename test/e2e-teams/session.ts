import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startPlayground } from '../../bin/teams-playground.ts';
import { findChromium, HEADLESS_ARGS } from './chromium.ts';
import { log } from './page.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * Recert in Teams dev mode behind the Agents Playground, and headless Chromium on its page, for
 * `run`; everything stopped afterwards, whatever happened. DATABASE_URL when set, else a fresh
 * embedded database. A failure sets the exit code and leaves a screenshot in .tmp/`name`-failure.png.
 */
export async function inPlayground(name: string, run: (page: Page, url: string) => Promise<void>): Promise<void> {
  // Found first: without a browser, nothing is started (so nothing is left running).
  const executablePath = findChromium();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'recert-e2e-teams-'));
  const env: Record<string, string> = process.env.DATABASE_URL ? {} : { DATABASE_URL: '', RECERT_DATA_DIR: dataDir };
  log(`database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : `embedded, in ${dataDir}`}`);
  const output = (line: string) => (process.env.E2E_VERBOSE ? log(line) : undefined);
  const playground = await startPlayground({ botPort: await freePort(), playgroundPort: await freePort(), env, output });
  const browser = await chromium.launch({ executablePath, args: HEADLESS_ARGS }).catch(async (error: unknown) => {
    await playground.stop();
    throw error;
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  try {
    await run(page, playground.url);
  } catch (error) {
    process.exitCode = 1;
    log(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
    const shots = path.resolve(import.meta.dirname, '../../.tmp');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${name}-failure.png`), fullPage: true }).catch(() => undefined);
  } finally {
    await browser.close();
    await playground.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
