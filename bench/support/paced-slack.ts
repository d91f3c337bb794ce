import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A stand-in for Slack's Web API on 127.0.0.1 that enforces chat.postMessage's special rate limit:
 * one message per second per channel (a DM is the channel of the user's id). A post that comes
 * sooner gets HTTP 429 with `Retry-After: 1` (seconds, as Slack sends it) and is not posted.
 */
export interface PacedSlack {
  readonly apiUrl: string;
  /** Posts accepted, by channel: arrival times (ms, performance.now()). */
  readonly posted: Map<string, number[]>;
  /** 429 answers given. */
  refused(): number;
  close(): Promise<void>;
}

/** Slack's spacing per channel (ms). */
const PER_CHANNEL_MS = 1_000;

export async function startPacedSlack(): Promise<PacedSlack> {
  const posted = new Map<string, number[]>();
  let refused = 0;
  let ts = 0;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const at = performance.now();
    const method = (req.url ?? '/').replace('/api/', '');
    if (method !== 'chat.postMessage') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
    const channel = channelOf(req, body);
    const times = posted.get(channel) ?? [];
    const last = times.at(-1);
    if (last !== undefined && at - last < PER_CHANNEL_MS) {
      refused += 1;
      return void res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    times.push(at);
    posted.set(channel, times);
    ts += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, channel, ts: `1800000000.${String(ts).padStart(6, '0')}` }));
  }
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    apiUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/`,
    posted,
    refused: () => refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Web API client sends form fields (or JSON): the channel either way. */
function channelOf(req: IncomingMessage, body: string): string {
  if (String(req.headers['content-type']).includes('json')) return String((JSON.parse(body) as { channel?: unknown }).channel ?? '');
  return new URLSearchParams(body).get('channel') ?? '';
}
