import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';

/** Slack's replay window (s): Bolt refuses stale requests; this refuses ones dated in the future too. */
const MAX_CLOCK_SKEW_SECONDS = 300;

export interface HttpOptions {
  readonly slack: RequestListener;
  readonly nowSeconds: () => number;
}

/**
 * The HTTP front door: `/healthz` for load balancers, and Slack's routes (events, commands,
 * interactivity, OAuth) handed to Bolt's receiver after refusing requests stamped too far ahead.
 */
export function createHttpServer(options: HttpOptions): Server {
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return void respond(res, 200, 'ok');
    if (req.url?.startsWith('/slack/events') && isFromTheFuture(req, options.nowSeconds())) return void respond(res, 401, 'request timestamp is in the future');
    try {
      options.slack(req, res);
    } catch {
      // Bolt's listener throws for paths it does not serve (as its own server would, answer 404).
      if (!res.headersSent) respond(res, 404, 'not found');
    }
  });
}

function isFromTheFuture(req: IncomingMessage, now: number): boolean {
  const stamp = Number(req.headers['x-slack-request-timestamp']);
  return Number.isFinite(stamp) && stamp - now > MAX_CLOCK_SKEW_SECONDS;
}

function respond(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
