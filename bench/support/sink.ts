import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A minimal Slack for load benchmarks: answers the Web API calls the adapter makes (auth.test,
 * users.info, chat.postMessage) and receives response_url posts, recording when each follow-up
 * arrived and whether it was an error. Cheap, so it does not become the bottleneck.
 */
export interface Sink {
  readonly apiUrl: string;
  responseUrl(id: string): string;
  /** Follow-ups per id: arrival times (ms, performance.now()) and whether any said something went wrong. */
  readonly followUps: Map<string, { at: number[]; failed: boolean }>;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const followUps = new Map<string, { at: number[]; failed: boolean }>();
  const server: Server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const url = req.url ?? '/';
    if (url.startsWith('/respond/')) {
      const id = url.slice('/respond/'.length);
      const entry = followUps.get(id) ?? { at: [], failed: false };
      entry.at.push(performance.now());
      if (body.includes('Something went wrong') || body.includes('nothing was done')) entry.failed = true;
      followUps.set(id, entry);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.replace('/api/', '');
    const answer =
      method === 'auth.test'
        ? { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0BENCH' }
        : method === 'users.info'
          ? { ok: true, user: { id: 'U', name: 'bench', real_name: 'Bench Scribe', tz: 'America/New_York', profile: { display_name: 'Bench' } } }
          : { ok: true, ts: '1700000000.000100', channel: 'D0BENCH' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    followUps,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
