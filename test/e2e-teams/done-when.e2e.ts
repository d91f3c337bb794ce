import type { Locator, Page } from 'playwright-core';
import { cardsOf, entriesOn, expectThat, log, oneLine, open, press, say, sayMentioning, send, STEP_TIMEOUT_MS, until } from './page.ts';
import { inPlayground } from './session.ts';

/**
 * `npm run e2e:teams:done-when` (opt-in): issue 9's "Done when", by hand in the Microsoft 365
 * Agents Playground as far as it allows. The Playground's person (Alex Wilber) installed the app,
 * so they administer Recert there and may ask manager questions. Steps: status; log a training
 * from a message and Confirm; log one from the form card (Preview, Confirm); status counts both;
 * Undo on the card; status counts one; "who is out of compliance?" and a Details button; `export
 * transcript` sends its note and a file consent card (the Playground shows only a placeholder for
 * it: it renders no file consent card, so Allow cannot be pressed there). Certificates cannot be
 * sent: the Playground has no file upload, and Recert downloads only from SharePoint / OneDrive.
 * Then, in the team's General channel, @mentioning the bot: the report there, and `status`, whose
 * answer goes to personal chat (the channel gets a note).
 */
const results: { step: string; ok: boolean }[] = [];

async function step(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    results.push({ step: name, ok: true });
    log(`PASS ${name}`);
  } catch (error) {
    results.push({ step: name, ok: false });
    throw error;
  }
}

async function status(page: Page): Promise<number> {
  return entriesOn(await (await say(page, 'status')).innerText());
}

/** The form card: a title, today's date as it comes, 60 minutes, a webinar; then Preview. */
async function fillForm(page: Page, form: Locator, title: string): Promise<string> {
  await form.getByPlaceholder('e.g. Medicare Billing Basics').fill(title);
  await form.getByRole('spinbutton').fill('60');
  await form.getByRole('combobox', { name: /Kind of activity/ }).click();
  await page.getByRole('option', { name: /^Webinar$/ }).click();
  return press(form, /^Preview$/);
}

async function run(page: Page, url: string): Promise<void> {
  await open(page, url);
  const tag = Date.now().toString(36);
  let count = 0;
  await step('status card', async () => void (count = await status(page)));
  await step('log from a message, Confirm', async () => {
    const title = `MLN webinar: telehealth billing check ${tag}`;
    await say(page, `log "${title}" today 45 min`);
    const logged = await press(cardsOf(page).last(), /^Confirm/);
    expectThat(logged.includes(title) && /Logged entry/.test(logged), 'Confirm did not log the typed training', logged);
  });
  let formCard: Locator | null = null;
  await step('log from the form card (Preview, Confirm)', async () => {
    const form = await say(page, 'log');
    expectThat((await form.innerText()).includes('Log a training'), 'typing `log` gave no form card', await form.innerText());
    const title = `Form card training ${tag}`;
    const preview = await fillForm(page, form, title);
    expectThat(preview.includes(title) && /Confirm/.test(preview), 'Preview did not show the training to confirm', preview);
    const logged = await press(form, /^Confirm/);
    expectThat(logged.includes(title) && /Logged entry/.test(logged), 'Confirm did not log the form\'s training', logged);
    formCard = form;
  });
  await step('status counts both', async () => {
    const now = await status(page);
    if (now !== count + 2) throw new Error(`status shows ${now} entries after logging two (${count} before)`);
  });
  await step('Undo on the logged card', async () => {
    if (!formCard) throw new Error('no logged card to undo');
    const undone = await press(formCard, /^Undo/);
    expectThat(/undid|undone|removed/i.test(undone), 'Undo did not say it undid the entry', undone);
    const now = await status(page);
    if (now !== count + 1) throw new Error(`status shows ${now} entries after undoing one of two (${count} before)`);
  });
  await step('manager: who is out of compliance? (and Details)', async () => {
    const report = await say(page, 'who is out of compliance?');
    expectThat(/out of compliance/i.test(await report.innerText()), 'the report names nobody out of compliance', await report.innerText());
    const details = await press(report, /^Details/);
    expectThat(/CMSS/.test(details), 'Details did not show the person\'s status', details);
  });
  await step('manager: export transcript (note and file consent card)', async () => {
    const before = await cardsOf(page).count();
    await send(page, 'export transcript');
    const note = cardsOf(page).nth(before);
    await note.waitFor({ timeout: STEP_TIMEOUT_MS });
    const text = await note.innerText();
    log(`you: export transcript\n    bot: ${oneLine(text)}`);
    expectThat(/transcript/i.test(text) && /Allow/.test(text), 'the export note does not offer the transcript', text);
    // The Playground renders this placeholder for an application/vnd.microsoft.teams.card.file.consent attachment.
    const placeholder = page.getByText('File Consent Card is not supported yet').last();
    await until(async () => ((await placeholder.count()) ? true : null), 'the file consent card (the Playground\'s placeholder)');
    log('    bot: a file consent card (shown by the Playground as "File Consent Card is not supported yet")');
  });
  await step('manager in a channel: @mention, who is out of compliance?', async () => {
    await page.locator('[aria-label="My Team - General"]').click();
    const report = await sayMentioning(page, 'Test Bot', 'who is out of compliance?');
    expectThat(/out of compliance/i.test(await report.innerText()), 'the channel report names nobody out of compliance', await report.innerText());
  });
  await step('in a channel, a colleague @mentioned is read as a name', async () => {
    // Megan Bowen (a Playground mock) never wrote to Recert: the answer names her, so the mention reached the core.
    const answer = await sayMentioning(page, 'Test Bot', 'status', 'Megan Bowen');
    expectThat((await answer.innerText()).includes('Megan Bowen'), 'the answer does not name the person mentioned', await answer.innerText());
  });
  await step('in a channel, my own status goes to personal chat', async () => {
    const note = await sayMentioning(page, 'Test Bot', 'status');
    const text = await note.innerText();
    expectThat(/personal chat/i.test(text) && !/\d+ of \d+ CE/.test(text), 'the channel got the status itself, not a note', text);
    await page.locator('[aria-label="Personal Chat"]').click();
    const status = await until(async () => {
      const last = cardsOf(page).last();
      const shown = (await last.count()) ? await last.innerText() : '';
      return /\d+ of \d+ CE/.test(shown) ? shown : null;
    }, 'the status card in personal chat');
    log(`    personal chat: ${oneLine(status)}`);
  });
}

await inPlayground('e2e-teams-done-when', run).finally(() => {
  log(`summary:\n${results.map((r) => `    ${r.ok ? 'PASS' : 'FAIL'} ${r.step}`).join('\n')}`);
});
