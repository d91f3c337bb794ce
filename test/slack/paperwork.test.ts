import { parse } from 'csv-parse/sync';
import nock from 'nock';
import { extractText, getDocumentProxy } from 'unpdf';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields, TEAM } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Paperwork in Slack through the signed entry point, nock at the Web API: files go up with
 * files.uploadV2 (files.getUploadURLExternal, the upload URL, files.completeUploadExternal) to the
 * ASKER's DM only; a note where they asked says where. A scribe asking for a colleague's is refused.
 */
const database = useTestDatabase();

const PEOPLE: Record<string, { name: string; admin?: boolean }> = { U0ADMIN: { name: 'Dana', admin: true }, U0MGR: { name: 'Mona' }, U0ANA: { name: 'Zoë Ñúñez' } };

interface Call {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

interface Upload {
  readonly fileId: string;
  readonly filename: string;
  bytes?: Buffer;
}

const form = async (req: Request): Promise<Record<string, string>> => Object.fromEntries(new URLSearchParams(await req.text()));

function intercept(state: { missingScope: boolean }): { calls: Call[]; uploads: Upload[] } {
  const calls: Call[] = [];
  const uploads: Upload[] = [];
  nock('https://slack.com')
    .persist()
    .post('/api/users.info')
    .reply(200, async (req: Request) => {
      const user = (await form(req)).user ?? '';
      const who = PEOPLE[user] ?? { name: user };
      return { ok: true, user: { id: user, team_id: TEAM, name: user.toLowerCase(), real_name: who.name, tz: 'America/Chicago', is_admin: who.admin === true, profile: { display_name: who.name } } };
    })
    .post('/api/conversations.open')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      calls.push({ path: 'conversations.open', body });
      return { ok: true, channel: { id: `D${body.users ?? ''}` } };
    })
    .post('/api/files.getUploadURLExternal')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      calls.push({ path: 'files.getUploadURLExternal', body });
      if (state.missingScope) return { ok: false, error: 'missing_scope', needed: 'files:write' };
      const fileId = `F${uploads.length + 1}`;
      uploads.push({ fileId, filename: body.filename ?? '' });
      return { ok: true, upload_url: `https://files.slack.com/upload/v1/${fileId}`, file_id: fileId };
    })
    .post('/api/files.completeUploadExternal')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      calls.push({ path: 'files.completeUploadExternal', body });
      return { ok: true, files: JSON.parse(body.files ?? '[]') as unknown };
    })
    .post(/\/api\/chat\.postMessage/)
    .reply(200, async (req: Request) => {
      calls.push({ path: 'chat.postMessage', body: await form(req) });
      return { ok: true, ts: '1.1' };
    });
  nock('https://files.slack.com')
    .persist()
    .post(/\/upload\/v1\/F\d+/)
    .reply(200, async (req: Request) => {
      const upload = uploads.find((u) => req.url.endsWith(`/${u.fileId}`));
      // @slack/web-api posts the file as multipart/form-data, in a part named "body".
      const part = (await req.formData()).get('body');
      if (upload && part instanceof Blob) upload.bytes = Buffer.from(await part.arrayBuffer());
      return 'OK - 1';
    });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, async (req: Request) => {
      calls.push({ path: `response_url${new URL(req.url).pathname}`, body: (await req.json()) as Record<string, unknown> });
      return 'ok';
    });
  return { calls, uploads };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('Slack: renewal paperwork', () => {
  let app: TestSlack;
  let calls: Call[];
  let uploads: Upload[];
  const state = { missingScope: false };
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    ({ calls, uploads } = intercept(state));
    app = await startTestSlack(database.current.db);
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  /** A /ceu command; the answer at its response_url once `done` says the work is over. */
  async function command(user: string, text: string, done: (since: Call[]) => boolean = () => true): Promise<{ note: Record<string, unknown>; since: Call[] }> {
    const fields = commandFields(text, { user_id: user });
    const before = calls.length;
    await app.slack.command(fields);
    const path = `response_url${new URL(fields.response_url ?? '').pathname}`;
    const answered = (since: Call[]) => since.some((c) => c.path === path && !textOf(c.body).includes('Welcome to Recert'));
    await waitFor(() => answered(calls.slice(before)) && done(calls.slice(before)), 30_000);
    const since = calls.slice(before);
    return { note: since.filter((c) => c.path === path).at(-1)?.body ?? {}, since };
  }

  const completed = (since: Call[]) => since.some((c) => c.path === 'files.completeUploadExternal');

  it('uploads a scribe\'s transcript and pack to their own DM, with a note where they asked', async () => {
    await command('U0ANA', 'cert CMSS-77 issued 2026-01-15');
    const { note, since } = await command('U0ANA', 'export transcript', completed);
    expect(since.find((c) => c.path === 'conversations.open')?.body).toMatchObject({ users: 'U0ANA' });
    expect(since.find((c) => c.path === 'files.completeUploadExternal')?.body).toMatchObject({ channel_id: 'DU0ANA' });
    expect(textOf(note)).toContain('Sent your transcript (PDF) to *your DM*');
    const pdf = uploads.at(-1);
    expect(pdf?.filename).toMatch(/^transcript-zoe-nunez-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(pdf?.bytes ?? Buffer.alloc(0));
    expect(text).toContain('Zoë Ñúñez');
    expect(text).toContain('CMSS-77');
    expect(text).toContain('Page 1 of 1');

    await command('U0ANA', 'export pack', completed);
    const zip = uploads.at(-1);
    expect(zip?.filename).toMatch(/^evidence-pack-zoe-nunez-.*\.zip$/);
    expect(Object.keys(unzipSync(new Uint8Array(zip?.bytes ?? []))).sort()).toEqual(['SHA256SUMS', 'transcript.csv', 'transcript.pdf']);
  }, 90_000);

  it('refuses a scribe a colleague\'s paperwork (nothing uploaded); a manager\'s export of someone goes to the manager\'s DM only', async () => {
    await command('U0ADMIN', 'status');
    const uploadsBefore = uploads.length;
    const refused = await command('U0ANA', 'export pack <@U0ADMIN|dana>');
    expect(textOf(refused.note)).toContain("Only managers and admins can export someone else's paperwork");
    expect(textOf(refused.note)).toContain('ask an admin: Dana');
    expect(uploads.length).toBe(uploadsBefore);

    await command('U0ADMIN', 'role <@U0MGR|mona> manager');
    const { note, since } = await command('U0MGR', 'export transcript csv <@U0ANA|ana>', completed);
    expect(since.filter((c) => c.path === 'conversations.open').map((c) => c.body.users)).toEqual(['U0MGR']);
    expect(since.find((c) => c.path === 'files.completeUploadExternal')?.body).toMatchObject({ channel_id: 'DU0MGR' });
    expect(textOf(note)).toContain("Sent Zoë Ñúñez's transcript (CSV) to *your DM*, to you alone");
    expect(uploads.at(-1)?.bytes?.toString('utf8')).toContain('Name,Zoë Ñúñez');
  }, 90_000);

  it('`export report`: an admin gets the compliance report as a CSV in their DM; a scribe is refused and nothing is uploaded', async () => {
    await command('U0ANA', 'cert CMSS-77 issued 2026-01-15');
    const uploadsBefore = uploads.length;
    const refused = await command('U0ANA', 'export report');
    expect(textOf(refused.note)).toContain('Only managers and admins');
    expect(uploads.length).toBe(uploadsBefore);

    const { note, since } = await command('U0ADMIN', 'export report', completed);
    expect(since.filter((c) => c.path === 'conversations.open').map((c) => c.body.users)).toEqual(['U0ADMIN']);
    expect(since.find((c) => c.path === 'files.completeUploadExternal')?.body).toMatchObject({ channel_id: 'DU0ADMIN' });
    expect(textOf(note)).toContain('Sent the compliance report (CSV,');
    const file = uploads.at(-1);
    expect(file?.filename).toMatch(/^compliance-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(file?.bytes ?? Buffer.alloc(0), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r['platform id'] === 'U0ANA')).toMatchObject({ name: 'Zoë Ñúñez', 'credential number': 'CMSS-77' });
  }, 90_000);

  it('says to reinstall when the installation lacks files:write', async () => {
    state.missingScope = true;
    try {
      const { note } = await command('U0ANA', 'send me my transcript', (since) => since.some((c) => c.path === 'files.getUploadURLExternal'));
      expect(textOf(note)).toContain('Ask an admin to reinstall Recert (it now asks for files:write)');
    } finally {
      state.missingScope = false;
    }
  }, 90_000);
});
