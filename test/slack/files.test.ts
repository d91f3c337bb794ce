import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { BOT_TOKEN, buttonValue, textOf, waitFor, useTestSlack } from '../support/slack/harness.ts';
import { blockAction, DM, dmMessage, eventEnvelope, uniqueId, USER } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

interface FileSpec {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly channel: string;
  readonly threadTs?: string;
  /** What files.info says the file is; a PDF unless told. */
  readonly mimetype?: string;
}

interface Download {
  readonly status: number;
  readonly body: Uint8Array | string;
  readonly contentType: string;
  /** Answer with a 302 to this address instead. */
  readonly redirectTo?: string;
}

/** files.info for one file, and (optionally) its download from files.slack.com with the bot token. */
function serveFile(spec: FileSpec, download?: Download): { downloaded: () => boolean } {
  const share = { ts: '1700000300.000100', ...(spec.threadTs ? { thread_ts: spec.threadTs } : {}) };
  const shares = spec.channel.startsWith('D') ? { private: { [spec.channel]: [share] } } : { public: { [spec.channel]: [share] } };
  const path = `/files-pri/T0TEST-${spec.id}/download/${spec.name}`;
  nock('https://slack.com')
    .post('/api/files.info', (body: Record<string, unknown>) => body.file === spec.id)
    .reply(200, { ok: true, file: { id: spec.id, name: spec.name, size: spec.size, user: USER, mimetype: spec.mimetype ?? 'application/pdf', url_private_download: `https://files.slack.com${path}`, shares } });
  let downloaded = false;
  if (download) {
    nock('https://files.slack.com', { reqheaders: { authorization: `Bearer ${BOT_TOKEN}` } })
      .get(path)
      .reply(() => {
        downloaded = true;
        if (download.redirectTo) return [302, '', { location: download.redirectTo }];
        return [download.status, Buffer.from(download.body), { 'content-type': download.contentType }];
      });
  }
  return { downloaded: () => downloaded };
}

function fileShared(fileId: string, channel: string) {
  return eventEnvelope({ type: 'file_shared', file_id: fileId, user_id: USER, channel_id: channel, file: { id: fileId }, event_ts: '1700000300.000200' });
}

describe('Slack: certificates shared as files', () => {
  const t = useTestSlack(database);

  async function loggedEntry(title: string): Promise<string> {
    const message = dmMessage(`MLN course "${title}" 45 min yesterday`);
    await t.app.slack.event(eventEnvelope(message));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes(title) && textOf(c.body).includes('ceu_confirm')));
    const preview = t.slack.callsTo('chat.postMessage').find((c) => textOf(c.body).includes(title) && textOf(c.body).includes('ceu_confirm'));
    const before = t.slack.callsTo('response_url').length;
    await t.app.slack.interaction(blockAction('ceu_confirm', buttonValue(preview?.body ?? {}, 'ceu_confirm')));
    await waitFor(() => t.slack.callsTo('response_url').length > before);
    return String(message.ts);
  }

  it('attaches a PDF shared in the entry\'s thread to that entry, downloading it with the bot token', async () => {
    const threadTs = await loggedEntry('Thread Proof Course');
    await loggedEntry('Later Course');
    const id = uniqueId('F');
    const file = serveFile({ id, name: 'certificate.pdf', size: pdfBytes().length, channel: DM, threadTs }, { status: 200, body: pdfBytes(), contentType: 'application/pdf' });
    const posts = t.slack.callsTo('chat.postMessage').length;
    expect((await t.app.slack.event(fileShared(id, DM))).status).toBe(200);
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > posts);
    expect(file.downloaded()).toBe(true);
    const reply = t.slack.callsTo('chat.postMessage').at(-1)?.body ?? {};
    expect(reply).toMatchObject({ channel: DM, thread_ts: threadTs });
    expect(textOf(reply)).toContain('certificate.pdf');
    expect(textOf(reply)).toContain('Thread Proof Course');
  });

  it('attaches a PDF shared in the DM (no thread) to the latest entry', async () => {
    await loggedEntry('Latest Entry Course');
    const id = uniqueId('F');
    serveFile({ id, name: 'latest.pdf', size: pdfBytes('latest').length, channel: DM }, { status: 200, body: pdfBytes('latest'), contentType: 'application/pdf' });
    const posts = t.slack.callsTo('chat.postMessage').length;
    await t.app.slack.event(fileShared(id, DM));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > posts);
    const reply = t.slack.callsTo('chat.postMessage').at(-1)?.body ?? {};
    expect(reply.channel).toBe(USER);
    expect(textOf(reply)).toContain('Latest Entry Course');
  });

  it('refuses a file over 10 MB without downloading it', async () => {
    await loggedEntry('Big File Course');
    const id = uniqueId('F');
    const file = serveFile({ id, name: 'huge.pdf', size: 11 * 1024 * 1024, channel: DM }, { status: 200, body: pdfBytes(), contentType: 'application/pdf' });
    const posts = t.slack.callsTo('chat.postMessage').length;
    await t.app.slack.event(fileShared(id, DM));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > posts);
    expect(file.downloaded()).toBe(false);
    expect(textOf(t.slack.callsTo('chat.postMessage').at(-1)?.body ?? {})).toMatch(/10(\.0)? MB/);
  });

  it.each([
    ['a file that is not a PDF, PNG or JPEG', 'notes.pdf', 'plain text pretending', 'text/plain', /not a PDF, PNG or JPEG/],
    ['the login page Slack serves without files:read', 'cert.pdf', '<html>sign in</html>', 'text/html', /files:read/],
  ])('explains %s', async (_name, fileName, body, contentType, expected) => {
    await loggedEntry(`Bad File ${fileName} Course`);
    const id = uniqueId('F');
    serveFile({ id, name: fileName, size: body.length, channel: DM }, { status: 200, body, contentType });
    const posts = t.slack.callsTo('chat.postMessage').length;
    await t.app.slack.event(fileShared(id, DM));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > posts);
    expect(textOf(t.slack.callsTo('chat.postMessage').at(-1)?.body ?? {})).toMatch(expected);
  });

  it('refuses an HTML file as not a certificate format, without downloading it', async () => {
    await loggedEntry('Html File Course');
    const id = uniqueId('F');
    const file = serveFile({ id, name: 'certificate.html', size: 40, channel: DM, mimetype: 'text/html' }, { status: 200, body: '<html>my certificate</html>', contentType: 'text/html' });
    const posts = t.slack.callsTo('chat.postMessage').length;
    await t.app.slack.event(fileShared(id, DM));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > posts);
    expect(file.downloaded()).toBe(false);
    expect(textOf(t.slack.callsTo('chat.postMessage').at(-1)?.body ?? {})).toContain('is a web page (HTML), not a PDF, PNG or JPEG');
  });

  it('does not follow a download redirected away from Slack\'s file servers, and says so', async () => {
    await loggedEntry('Redirected File Course');
    const id = uniqueId('F');
    const file = serveFile({ id, name: 'moved.pdf', size: 400, channel: DM }, { status: 302, body: '', contentType: 'text/plain', redirectTo: 'https://evil.example/moved.pdf' });
    const posts = t.slack.callsTo('chat.postMessage').length;
    await t.app.slack.event(fileShared(id, DM));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > posts);
    expect(file.downloaded()).toBe(true);
    expect(String(t.slack.callsTo('chat.postMessage').at(-1)?.body.text)).toContain('Slack redirected the download of "moved.pdf" to evil.example; I only download from Slack\'s file servers.');
  });

  it('attaches the certificate uploaded in the "Log a training" modal to the entry it logs', async () => {
    const id = uniqueId('F');
    const file = serveFile({ id, name: 'modal-cert.pdf', size: pdfBytes('modal').length, channel: DM }, { status: 200, body: pdfBytes('modal'), contentType: 'application/pdf' });
    const values = {
      title: { value: { type: 'plain_text_input', value: 'Modal Upload Course' } },
      completed_on: { value: { type: 'datepicker', selected_date: '2026-11-20' } },
      minutes: { value: { type: 'number_input', value: '50' } },
      kind: { value: { type: 'static_select', selected_option: { value: 'wbt', text: { type: 'plain_text', text: 'wbt' } } } },
      registered: { value: { type: 'checkboxes', selected_options: [] } },
      certificate: { value: { type: 'file_input', files: [{ id, name: 'modal-cert.pdf' }] } },
    };
    const response = await t.app.slack.interaction({
      type: 'view_submission',
      team: { id: 'T0TEST' },
      user: { id: USER, team_id: 'T0TEST' },
      trigger_id: `trigger.${uniqueId('')}`,
      view: { id: uniqueId('V'), hash: uniqueId('h'), type: 'modal', callback_id: 'ceu_log_training', private_metadata: '{}', state: { values } },
    });
    expect(response.status).toBe(200);
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('modal-cert.pdf')));
    expect(file.downloaded()).toBe(true);
    const replies = t.slack.callsTo('chat.postMessage').map((c) => textOf(c.body));
    expect(replies.some((r) => r.includes('Modal Upload Course') && r.includes('ceu_undo'))).toBe(true);
    expect(replies.find((r) => r.includes('modal-cert.pdf'))).toContain('Modal Upload Course');
  });

  it('leaves alone files shared in channels outside an entry\'s thread', async () => {
    const id = uniqueId('F');
    const file = serveFile({ id, name: 'random.pdf', size: 100, channel: 'C0RANDOM' }, { status: 200, body: pdfBytes(), contentType: 'application/pdf' });
    await t.app.slack.event(fileShared(id, 'C0RANDOM'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(file.downloaded()).toBe(false);
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});
