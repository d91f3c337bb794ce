import nock from 'nock';
import type { SlackCall } from './slack-people.ts';

/** A file the fake Slack received through files.uploadV2: its name, the channel it went to and its bytes. */
export interface SlackUpload {
  readonly fileId: string;
  readonly filename: string;
  channel?: string;
  bytes?: Buffer;
}

const form = async (req: Request): Promise<Record<string, string>> => Object.fromEntries(new URLSearchParams(await req.text()));

/**
 * files.uploadV2 at nock (files.getUploadURLExternal, the upload URL, files.completeUploadExternal)
 * and conversations.open (a user's DM is `D<user id>`); calls are added to `calls`.
 */
export function interceptSlackUploads(calls: SlackCall[]): SlackUpload[] {
  const uploads: SlackUpload[] = [];
  nock('https://slack.com')
    .persist()
    .post('/api/conversations.open')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      calls.push({ path: 'conversations.open', body });
      return { ok: true, channel: { id: `D${body.users ?? ''}` } };
    })
    .post('/api/files.getUploadURLExternal')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      const fileId = `FUP${uploads.length + 1}`;
      uploads.push({ fileId, filename: body.filename ?? '' });
      return { ok: true, upload_url: `https://files.slack.com/upload/v1/${fileId}`, file_id: fileId };
    })
    .post('/api/files.completeUploadExternal')
    .reply(200, async (req: Request) => {
      const body = await form(req);
      calls.push({ path: 'files.completeUploadExternal', body });
      for (const upload of uploads) if (!upload.channel && (body.files ?? '').includes(upload.fileId)) upload.channel = body.channel_id ?? '';
      return { ok: true, files: JSON.parse(body.files ?? '[]') as unknown };
    });
  nock('https://files.slack.com')
    .persist()
    .post(/\/upload\/v1\/FUP\d+/)
    .reply(200, async (req: Request) => {
      const upload = uploads.find((u) => req.url.endsWith(`/${u.fileId}`));
      // @slack/web-api posts the file as multipart/form-data, in a part named "body".
      const part = (await req.formData()).get('body');
      if (upload && part instanceof Blob) upload.bytes = Buffer.from(await part.arrayBuffer());
      return 'OK - 1';
    });
  return uploads;
}

/** files.info says `user` shared the file in their DM (`D<user>`, with `comment` when given); files.slack.com serves it to `token`. */
export function serveSharedFile(options: { team: string; token: string; id: string; user: string; name: string; mimetype: string; bytes: Uint8Array; comment?: string }): void {
  const { team, token, id, user, name, mimetype, bytes, comment } = options;
  const path = `/files-pri/${team}-${id}/download/${name}`;
  const file = { id, name, size: bytes.length, user, mimetype, url_private_download: `https://files.slack.com${path}`, shares: { private: { [`D${user}`]: [{ ts: '1700000400.000100' }] } }, ...(comment ? { initial_comment: { comment } } : {}) };
  nock('https://slack.com')
    .post('/api/files.info', (body: Record<string, unknown>) => body.file === id)
    .reply(200, { ok: true, file });
  nock('https://files.slack.com', { reqheaders: { authorization: `Bearer ${token}` } })
    .get(path)
    .reply(200, Buffer.from(bytes), { 'content-type': mimetype });
}
