import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { startPlayground } from '../../bin/teams-playground.ts';
import { findChromium, HEADLESS_ARGS } from './chromium.ts';

/**
 * `npm run e2e:teams` (opt-in, not part of `npm test`): Recert in Teams dev mode behind the
 * Microsoft 365 Agents Playground, driven in headless Chromium the way a person would use it: ask
 * for status, type a training, press Confirm on the preview card, ask for status again and read
 * one more entry on the card. Uses DATABASE_URL when set, else a fresh embedded database.
 * Needs Debian's chromium (`apt-get install -y chromium`) or CHROMIUM=/path/to/chrome.
 */
const STEP_TIMEOUT_MS = 60_000;
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 23)} ${line}`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Type into the compose box and send, then wait for the bot's next card and return it. */
async function say(page: Page, text: string): Promise<Locator> {
  const cards = page.locator('.ac-adaptiveCard');
  const before = await cards.count();
  const box = page.locator('[contenteditable="true"][role="textbox"]').first();
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
  const card = cards.nth(before);
  await card.waitFor({ timeout: STEP_TIMEOUT_MS });
  log(`you: ${text}\n    bot: ${oneLine(await card.innerText())}`);
  return card;
}

async function until<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function entriesOn(statusText: string): number {
  const match = /\((\d+) entr(?:y|ies)/.exec(statusText);
  if (!match) throw new Error(`the status card shows no entry count: "${oneLine(statusText)}"`);
  return Number(match[1]);
}

async function run(page: Page, url: string): Promise<void> {
  const started = Date.now();
  await page.goto(url);
  await page.locator('[contenteditable="true"][role="textbox"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  log(`Playground loaded in ${Date.now() - started} ms`);
  const before = entriesOn(await (await say(page, 'status')).innerText());
  const title = `MLN webinar: telehealth billing check ${Date.now().toString(36)}`;
  const preview = await say(page, `log "${title}" today 45 min`);
  const confirm = preview.getByRole('button', { name: /^Confirm/ }).first();
  await confirm.waitFor({ timeout: STEP_TIMEOUT_MS });
  const previewText = await preview.innerText();
  await confirm.click();
  // Action.Execute: the answer replaces the card in place for the person who acted.
  const loggedText = await until(async () => {
    const text = await page.locator('.ac-adaptiveCard').last().innerText();
    return text !== previewText ? text : null;
  }, 'the card to change after Confirm');
  log(`pressed Confirm\n    bot: ${oneLine(loggedText)}`);
  if (!loggedText.includes(title)) throw new Error('the card after Confirm does not name the training');
  const after = entriesOn(await (await say(page, 'status')).innerText());
  if (after !== before + 1) throw new Error(`status shows ${after} entries after logging one (${before} before)`);
  log(`PASS: status went from ${before} to ${after} entries (${Date.now() - started} ms in the browser)`);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'recert-e2e-teams-'));
const env: Record<string, string> = process.env.DATABASE_URL ? {} : { DATABASE_URL: '', RECERT_DATA_DIR: dataDir };
log(`database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : `embedded, in ${dataDir}`}`);
const playground = await startPlayground({ botPort: await freePort(), playgroundPort: await freePort(), env, output: (line) => (process.env.E2E_VERBOSE ? log(line) : undefined) });
const browser = await chromium.launch({ executablePath: findChromium(), args: HEADLESS_ARGS });
try {
  const page = await browser.newPage();
  await run(page, playground.url);
} catch (error) {
  process.exitCode = 1;
  log(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: path.resolve(import.meta.dirname, '../../.tmp/e2e-teams-failure.png') }).catch(() => undefined);
} finally {
  await browser.close();
  await playground.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
