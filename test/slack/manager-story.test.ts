import nock from 'nock';
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { BOT_TOKEN, startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, eventEnvelope, TEAM, uniqueId } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { interceptSlackPeople, type SlackCall } from '../fakes/slack-people.ts';
import { interceptSlackUploads, serveSharedFile, type SlackUpload } from '../fakes/slack-files.ts';

/**
 * Issue 7's "Done when" in Slack, as one story through the signed entry point (nock at the Web API
 * and its file host only): the workspace admin makes Mia a manager; Mia — not a Slack admin —
 * builds the roster from a CSV sent in her DM, asks who is out of compliance, opens Ana's details,
 * runs an audit to its close (Ana answers with a file), and exports Ana's transcript PDF and
 * evidence pack to her own DM; Ben, a scribe, is refused politely at each step, on each path.
 */
const database = useTestDatabase();

const PEOPLE = { U0DANA: { name: 'Dana', admin: true }, U0MIA: { name: 'Mia' }, U0ANA: { name: 'Ana' }, U0BEN: { name: 'Ben' } };
const CSV = '\uFEFFname,slack user id,email,credential number,issued,expires,fee paid through,team\r\nAna Ortiz,U0ANA,,CMSS-100,2026-02-01,,,Night shift\r\nBen Lee,U0BEN,,CMSS-200,2025-12-10,,2026-12-09,Night shift\r\n';
const WAIT_MS = 30_000;
const REFUSED = /Only managers and admins can .* — ask an admin: Dana/;

describe("Slack: a manager's day (issue 7, done when)", () => {
  let app: TestSlack;
  let calls: SlackCall[];
  let uploads: SlackUpload[];
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    calls = interceptSlackPeople(TEAM, PEOPLE);
    uploads = interceptSlackUploads(calls);
    app = await startTestSlack(database.current.db);
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  /** A /ceu command's last answer at its response_url (after `done`, when given). */
  async function command(user: string, text: string, done: (since: SlackCall[]) => boolean = () => true): Promise<Record<string, unknown>> {
    const fields = commandFields(text, { user_id: user });
    const before = calls.length;
    await app.slack.command(fields);
    const path = `response_url${new URL(fields.response_url ?? '').pathname}`;
    await waitFor(() => calls.slice(before).some((c) => c.path === path && !textOf(c.body).includes('Welcome to Recert')) && done(calls.slice(before)), WAIT_MS);
    return calls.slice(before).filter((c) => c.path === path).at(-1)?.body ?? {};
  }
  const say = async (user: string, text: string) => textOf(await command(user, text));
  const uploaded = (since: SlackCall[]) => since.some((c) => c.path === 'files.completeUploadExternal');

  async function press(user: string, actionId: string, value: string): Promise<string> {
    const before = calls.length;
    await app.slack.interaction(blockAction(actionId, value, { user: { id: user, team_id: TEAM }, channel: { id: `D${user}`, name: 'directmessage' } }));
    await waitFor(() => calls.slice(before).some((c) => c.path.startsWith('response_url')), WAIT_MS);
    return calls.slice(before).filter((c) => c.path.startsWith('response_url')).map((c) => textOf(c.body)).join('\n');
  }

  /** A file shared in `user`'s DM; the bot's next post there. */
  async function share(user: string, name: string, mimetype: string, bytes: Uint8Array, expect: RegExp): Promise<string> {
    const id = uniqueId('F');
    serveSharedFile({ team: TEAM, token: BOT_TOKEN, id, user, name, mimetype, bytes });
    const before = calls.length;
    await app.slack.event(eventEnvelope({ type: 'file_shared', file_id: id, user_id: user, channel_id: `D${user}`, file: { id }, event_ts: '1700000400.000200' }));
    await waitFor(() => calls.slice(before).some((c) => c.path === 'chat.postMessage' && expect.test(textOf(c.body))), WAIT_MS);
    return textOf(calls.slice(before).filter((c) => c.path === 'chat.postMessage' && expect.test(textOf(c.body))).at(-1)?.body ?? {});
  }

  const valueOf = (body: unknown, actionId: string): string => new RegExp(`\\\\?"action_id\\\\?":\\\\?"${actionId}(?::[^"\\\\]*)?\\\\?",\\\\?"value\\\\?":\\\\?"([^"\\\\]+)`).exec(JSON.stringify(body))?.[1] ?? '';

  it('admin → manager → CSV roster → report → Details → audit to close → transcript PDF and pack; the scribe is refused throughout', async () => {
    for (const user of ['U0DANA', 'U0MIA', 'U0ANA', 'U0BEN']) await command(user, 'status');
    expect(await say('U0DANA', 'role <@U0MIA|mia> manager')).toContain('*Mia* is now a manager of the whole organisation');

    expect(await share('U0BEN', 'people.csv', 'text/csv', Buffer.from(CSV), /roster|Only managers/i)).toMatch(REFUSED);
    expect(await share('U0MIA', 'people.csv', 'text/csv', Buffer.from(CSV), /roster|Only managers/i)).toContain('Roster imported from people.csv');
    const preview = await command('U0ANA', 'log MLN webinar "Telehealth Billing" 45 min yesterday');
    await press('U0ANA', 'ceu_confirm', valueOf(preview, 'ceu_confirm'));

    const report = await command('U0MIA', 'who is out of compliance?');
    expect(textOf(report)).toContain('of 4 people');
    // People already known by their Slack id keep the names Slack gives them.
    expect(textOf(report)).toMatch(/\*Ben\* — At risk: expires on Dec 10, 2026 \(in \d+ days\); short by 3 CE/);
    expect(textOf(report)).toMatch(/\*Ana\* — At risk: short by 2 CE; fee unpaid; 1 entry without proof/);
    const anaId = /"text":"Details: Ana"[^}]*\},"action_id":"ceu_report_details:[0-9a-f-]{36}","value":"([0-9a-f-]{36})"/.exec(JSON.stringify(report))?.[1] ?? '';
    expect(anaId).not.toBe('');
    expect(await press('U0MIA', 'ceu_report_details', anaId)).toContain('CMSS-100');
    const benSees = await press('U0BEN', 'ceu_report_details', anaId);
    expect(benSees).toMatch(REFUSED);
    expect(benSees).not.toContain('CMSS-100');
    expect(await say('U0BEN', 'who is out of compliance?')).toMatch(REFUSED);
    expect(await say('U0BEN', 'status <@U0ANA>')).toMatch(REFUSED);
    expect(await say('U0BEN', 'roster set <@U0ANA> fee paid')).toMatch(REFUSED);

    expect(await say('U0BEN', 'audit start 100%')).toMatch(REFUSED);
    const posts = calls.filter((c) => c.path === 'chat.postMessage').length;
    expect(await say('U0MIA', 'audit start 100% seed 7')).toContain('Seed 7');
    await waitFor(() => calls.filter((c) => c.path === 'chat.postMessage').slice(posts).some((c) => c.body.channel === 'U0ANA'), WAIT_MS);
    const request = calls.filter((c) => c.path === 'chat.postMessage').slice(posts).find((c) => c.body.channel === 'U0ANA');
    expect(await press('U0ANA', 'ceu_audit_attach', valueOf(request?.body, 'ceu_audit_attach'))).toContain('Ready for the certificate');
    expect(await share('U0ANA', 'certificate.pdf', 'application/pdf', pdfBytes('telehealth'), /certificate\.pdf/)).toContain('you have sent everything it asked for');
    expect(await say('U0BEN', 'audit status')).toMatch(REFUSED);
    expect(await say('U0MIA', 'audit status')).toContain('2 of 2 people answered · 1 of 1 entry documented · 0 outstanding');
    expect(await say('U0BEN', 'audit close passed')).toMatch(REFUSED);
    expect(await say('U0MIA', 'audit close passed note "Checked by Mia"')).toContain('Closed the audit of the whole organisation: passed.');

    const count = uploads.length;
    expect(await say('U0BEN', 'export transcript <@U0ANA>')).toMatch(REFUSED);
    expect(await say('U0BEN', 'export pack <@U0ANA>')).toMatch(REFUSED);
    expect(uploads.length).toBe(count);
    await command('U0MIA', 'export transcript <@U0ANA>', uploaded);
    await command('U0MIA', 'export pack <@U0ANA>', (since) => since.filter((c) => c.path === 'files.completeUploadExternal').length >= 1);
    const [pdf, zip] = uploads.slice(count);
    expect([pdf?.channel, zip?.channel]).toEqual(['DU0MIA', 'DU0MIA']);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf?.bytes ?? [])), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toMatch(/Ana[^]*CMSS-100[^]*Telehealth Billing/);
    const files = Object.keys(unzipSync(new Uint8Array(zip?.bytes ?? [])));
    expect(files).toEqual(expect.arrayContaining(['SHA256SUMS', 'transcript.csv', 'transcript.pdf']));
    expect(files.some((f) => /^entry-\d+-telehealth-billing\.pdf$/.test(f))).toBe(true);
  }, 240_000);
});
