import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string | undefined;
}

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL, e.g. http://127.0.0.1:4567/api/ */
  readonly apiUrl: string;
  /** A response_url the fake accepts (what Slack would put in a command or action payload). */
  responseUrl(id: string): string;
  readonly calls: FakeCall[];
  /** Serve a file through files.info + download, as Slack does for a shared certificate. */
  addFile(file: { id: string; name: string; bytes: Uint8Array; channel: string; threadTs?: string }): void;
  callsTo(method: string): FakeCall[];
  close(): Promise<void>;
}

/**
 * A local stand-in for Slack's Web API (and response_urls and file downloads), for running the real
 * adapter end to end with SLACK_API_URL pointing here. It records every call.
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: FakeCall[] = [];
  const files = new Map<string, { name: string; bytes: Uint8Array; channel: string; threadTs?: string }>();
  let base = '';
  const server: Server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) return serveDownload(url.pathname.slice('/files/'.length), req, res);
    const body = await readBody(req);
    const method = url.pathname.startsWith('/api/') ? url.pathname.slice('/api/'.length) : `response_url${url.pathname}`;
    calls.push({ method, body, authorization: req.headers.authorization });
    // A token made to be refused (xoxb-invalid…) gets what Slack says to a revoked or mistyped one.
    json(res, req.headers.authorization?.startsWith('Bearer xoxb-invalid') ? { ok: false, error: 'invalid_auth' } : answer(method, body));
  }

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0FAKE', url: 'https://fake.slack.com/' };
      case 'users.info':
        return { ok: true, user: { id: body.user, name: 'fake', real_name: 'Fake Scribe', tz: 'America/New_York', profile: { display_name: 'Fakey' } } };
      case 'files.info':
        return fileInfo(String(body.file));
      default:
        return { ok: true, ts: '1700000000.000999', channel: body.channel ?? 'D0FAKE', view: { id: 'V0FAKE' } };
    }
  }

  function fileInfo(id: string): Record<string, unknown> {
    const file = files.get(id);
    if (!file) return { ok: false, error: 'file_not_found' };
    const share = { ts: '1700000000.000500', ...(file.threadTs ? { thread_ts: file.threadTs } : {}) };
    return { ok: true, file: { id, name: file.name, size: file.bytes.length, url_private_download: `${base}files/${id}`, shares: { private: { [file.channel]: [share] } } } };
  }

  function serveDownload(id: string, req: IncomingMessage, res: ServerResponse): void {
    const file = files.get(id);
    calls.push({ method: 'download', body: { id }, authorization: req.headers.authorization });
    if (!file || !req.headers.authorization?.startsWith('Bearer xoxb-')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(file.bytes));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  return {
    apiUrl: `${base}api/`,
    responseUrl: (id) => `${base}respond/${id}`,
    calls,
    addFile: (file) => void files.set(file.id, file),
    callsTo: (method) => calls.filter((c) => c.method === method || c.method.startsWith(`${method}/`)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(text) as Record<string, unknown>;
  const fields: Record<string, unknown> = Object.fromEntries(new URLSearchParams(text));
  for (const key of ['blocks', 'view']) if (typeof fields[key] === 'string') fields[key] = JSON.parse(String(fields[key])) as unknown;
  return fields;
}

function json(res: ServerResponse, body: Record<string, unknown>): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
