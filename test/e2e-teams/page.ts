import type { Locator, Page } from 'playwright-core';

/**
 * What the Playground end-to-end scripts do in the page, the way a person would: type into the
 * compose box, wait for the bot's card, wait for a card to change after a button (Action.Execute
 * replaces the card in place for the person who acted).
 */
export const STEP_TIMEOUT_MS = 60_000;
export const log = (line: string): void => console.log(`${new Date().toISOString().slice(11, 23)} ${line}`);
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const cardsOf = (page: Page): Locator => page.locator('.ac-adaptiveCard');
const composeBox = (page: Page): Locator => page.locator('[contenteditable="true"][role="textbox"]').first();

/** Load the Playground and wait for its compose box. */
export async function open(page: Page, url: string): Promise<void> {
  const started = Date.now();
  await page.goto(url);
  await composeBox(page).waitFor({ timeout: STEP_TIMEOUT_MS });
  log(`Playground loaded in ${Date.now() - started} ms`);
}

/** Type into the compose box and send, without waiting for an answer. */
export async function send(page: Page, text: string): Promise<void> {
  const box = composeBox(page);
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
}

/**
 * In a channel or group chat: type `@`, pick `who` from the Playground's mention list (it writes
 * `<at>…</at>` with a mention entity, as Teams does), then type `text` (and @mention `alsoMention`)
 * and send; returns the bot's next card.
 */
export async function sayMentioning(page: Page, who: string, text: string, alsoMention?: string): Promise<Locator> {
  const before = await Promise.all((await cardsOf(page).all()).map((c) => c.innerText()));
  const box = composeBox(page);
  await box.click();
  await page.keyboard.type('@');
  await page.getByRole('menuitem', { name: who }).first().click();
  await page.keyboard.type(` ${text}`);
  if (alsoMention) {
    await page.keyboard.type(' @');
    await page.getByRole('menuitem', { name: alsoMention }).first().click();
  }
  await page.keyboard.press('Enter');
  // A channel shows the newest post first: the new card is the one whose text was not there before.
  const card = await until(async () => {
    const all = await cardsOf(page).all();
    if (all.length <= before.length) return null;
    for (const c of all) if (!before.includes(await c.innerText())) return c;
    return null;
  }, `an answer to "@${who} ${text}"`);
  log(`you: @${who} ${text}${alsoMention ? ` @${alsoMention}` : ''}\n    bot: ${oneLine(await card.innerText())}`);
  return card;
}

/** Type into the compose box and send, then wait for the bot's next card and return it. */
export async function say(page: Page, text: string): Promise<Locator> {
  const before = await cardsOf(page).count();
  await send(page, text);
  const card = cardsOf(page).nth(before);
  await card.waitFor({ timeout: STEP_TIMEOUT_MS });
  log(`you: ${text}\n    bot: ${oneLine(await card.innerText())}`);
  return card;
}

/** Poll `probe` every 200 ms until it gives a value; fail after STEP_TIMEOUT_MS naming `what`. */
export async function until<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Press the button named `name` on `card` and return the card's new text once it changed. */
export async function press(card: Locator, name: RegExp): Promise<string> {
  const button = card.getByRole('button', { name }).first();
  await button.waitFor({ timeout: STEP_TIMEOUT_MS });
  const before = await card.innerText();
  await button.click();
  const after = await until(async () => {
    const text = await card.innerText().catch(() => before);
    return text !== before ? text : null;
  }, `the card to change after ${String(name)}`);
  log(`pressed ${String(name)}\n    bot: ${oneLine(after)}`);
  return after;
}

/** The entry count a status card shows ("(2 entries, …)"). */
export function entriesOn(statusText: string): number {
  const match = /\((\d+) entr(?:y|ies)/.exec(statusText);
  if (!match) throw new Error(`the status card shows no entry count: "${oneLine(statusText)}"`);
  return Number(match[1]);
}

/** Fail the step with what the card said when `ok` is false. */
export function expectThat(ok: boolean, what: string, seen: string): void {
  if (!ok) throw new Error(`${what}; the card said: "${oneLine(seen).slice(0, 400)}"`);
}
