import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { BOT_TOKEN, startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, eventEnvelope, TEAM, uniqueId } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { interceptSlackPeople, type SlackCall } from '../fakes/slack-people.ts';

/**
 * An audit run to its close in Slack, through the signed entry point: the admin starts it, the
 * sampled scribe gets a DM (chat.postMessage to her user id) with an Attach certificate button,
 * presses it, sends the file in the DM, and the admin's status and close count her answer.
 */
const database = useTestDatabase();

const PEOPLE: Record<string, { name: string; admin?: boolean }> = { U0ADMIN: { name: 'Dana', admin: true }, U0ANA: { name: 'Ana' }, U0BEN: { name: 'Ben' } };
const ANA_DM = 'D0ANA';
/** Generous: the embedded database on a busy machine answers slowly. */
const WAIT_MS = 30_000;


/** files.info and the download of one PDF Ana shares in her DM (no thread). */
function serveAnaFile(id: string, bytes: Uint8Array): void {
  const path = `/files-pri/${TEAM}-${id}/download/certificate.pdf`;
  nock('https://slack.com')
    .post('/api/files.info', (body: Record<string, unknown>) => body.file === id)
    .reply(200, { ok: true, file: { id, name: 'certificate.pdf', size: bytes.length, user: 'U0ANA', mimetype: 'application/pdf', url_private_download: `https://files.slack.com${path}`, shares: { private: { [ANA_DM]: [{ ts: '1700000300.000100' }] } } } });
  nock('https://files.slack.com', { reqheaders: { authorization: `Bearer ${BOT_TOKEN}` } }).get(path).reply(200, Buffer.from(bytes), { 'content-type': 'application/pdf' });
}

describe('Slack: an audit from start to close', () => {
  let app: TestSlack;
  let calls: SlackCall[];
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    calls = interceptSlackPeople(TEAM, PEOPLE);
    app = await startTestSlack(database.current.db);
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function command(user: string, text: string): Promise<Record<string, unknown>> {
    const fields = commandFields(text, { user_id: user });
    const before = calls.length;
    await app.slack.command(fields);
    const path = `response_url${new URL(fields.response_url ?? '').pathname}`;
    await waitFor(() => calls.slice(before).some((c) => c.path === path && !textOf(c.body).includes('Welcome to Recert')), WAIT_MS);
    return calls.slice(before).filter((c) => c.path === path).at(-1)?.body ?? {};
  }

  async function press(user: string, actionId: string, value: string): Promise<Record<string, unknown>> {
    const before = calls.length;
    await app.slack.interaction(blockAction(actionId, value, { user: { id: user, team_id: TEAM }, channel: { id: ANA_DM, name: 'directmessage' } }));
    await waitFor(() => calls.slice(before).some((c) => c.path.startsWith('response_url')), WAIT_MS);
    return calls.slice(before).find((c) => c.path.startsWith('response_url'))?.body ?? {};
  }

  const valueOf = (body: Record<string, unknown>, actionId: string): string => new RegExp(`\\\\?"action_id\\\\?":\\\\?"${actionId}(?::[^"\\\\]*)?\\\\?",\\\\?"value\\\\?":\\\\?"([^"\\\\]+)`).exec(JSON.stringify(body))?.[1] ?? '';

  it('start → the DM with a button per entry → attach in the DM → status → close', async () => {
    await command('U0ADMIN', 'status');
    await command('U0ANA', 'cert CMSS-9 issued 2026-01-15');
    const preview = await command('U0ANA', 'log MLN webinar "Telehealth Billing" 45 min yesterday');
    await press('U0ANA', 'ceu_confirm', valueOf(preview, 'ceu_confirm'));

    expect(textOf(await command('U0BEN', 'audit start 25%'))).toContain('Only managers and admins can run audits');

    const posts = calls.filter((c) => c.path === 'chat.postMessage').length;
    const started = await command('U0ADMIN', 'audit start 100% seed 1234');
    expect(textOf(started)).toContain('Audit of the whole organisation');
    expect(textOf(started)).toContain('Seed 1234');
    await waitFor(() => calls.filter((c) => c.path === 'chat.postMessage').length > posts, WAIT_MS);
    const dm = calls.filter((c) => c.path === 'chat.postMessage').slice(posts).find((c) => c.body.channel === 'U0ANA');
    expect(dm).toBeDefined();
    expect(textOf(dm?.body ?? {})).toContain('Telehealth Billing');
    expect(textOf(dm?.body ?? {})).toContain('MLN certificate or contact-hour documentation');
    const itemId = valueOf(dm?.body ?? {}, 'ceu_audit_attach');
    expect(itemId).toMatch(/^[0-9a-f-]{36}$/);

    // Ben presses Ana's button (a forged value): nothing of hers is shown or changed.
    expect(textOf(await press('U0BEN', 'ceu_audit_attach', itemId))).toContain('not open for you');
    const ready = await press('U0ANA', 'ceu_audit_attach', itemId);
    expect(textOf(ready)).toContain('Ready for the certificate');
    expect(ready).toMatchObject({ replace_original: false });

    const fileId = uniqueId('F');
    serveAnaFile(fileId, pdfBytes('telehealth'));
    const before = calls.length;
    await app.slack.event(eventEnvelope({ type: 'file_shared', file_id: fileId, user_id: 'U0ANA', channel_id: ANA_DM, file: { id: fileId }, event_ts: '1700000300.000200' }));
    await waitFor(() => calls.slice(before).some((c) => c.path === 'chat.postMessage' && textOf(c.body).includes('certificate.pdf')), WAIT_MS);
    const attached = calls.slice(before).find((c) => c.path === 'chat.postMessage' && textOf(c.body).includes('certificate.pdf'));
    expect(textOf(attached?.body ?? {})).toContain("you have sent everything it asked for");

    const status = textOf(await command('U0ADMIN', 'audit status'));
    expect(status).toContain('1 of 1 person answered');
    expect(status).toContain('1 of 1 entry documented');
    const closed = textOf(await command('U0ADMIN', 'audit close passed note "Checked by Dana"'));
    expect(closed).toContain('Closed the audit of the whole organisation: passed.');
    expect(closed).toContain('Checked by Dana');
  }, 120_000);
});
