import type { Page } from 'playwright-core';
import { cardsOf, entriesOn, expectThat, log, open, press, say } from './page.ts';
import { inPlayground } from './session.ts';

/**
 * `npm run e2e:teams` (opt-in, not part of `npm test`): Recert in Teams dev mode behind the
 * Microsoft 365 Agents Playground, driven in headless Chromium the way a person would use it: ask
 * for status, type a training, press Confirm on the preview card, ask for status again and read
 * one more entry on the card. Uses DATABASE_URL when set, else a fresh embedded database.
 * Needs Debian's chromium (`apt-get install -y chromium`) or CHROMIUM=/path/to/chrome.
 * The longer walk through issue 9's "Done when" is `npm run e2e:teams:done-when` (done-when.e2e.ts).
 */
async function run(page: Page, url: string): Promise<void> {
  const started = Date.now();
  await open(page, url);
  const before = entriesOn(await (await say(page, 'status')).innerText());
  const title = `MLN webinar: telehealth billing check ${Date.now().toString(36)}`;
  await say(page, `log "${title}" today 45 min`);
  const logged = await press(cardsOf(page).last(), /^Confirm/);
  expectThat(logged.includes(title), 'the card after Confirm does not name the training', logged);
  const after = entriesOn(await (await say(page, 'status')).innerText());
  if (after !== before + 1) throw new Error(`status shows ${after} entries after logging one (${before} before)`);
  log(`PASS: status went from ${before} to ${after} entries (${Date.now() - started} ms in the browser)`);
}

await inPlayground('e2e-teams', run);
