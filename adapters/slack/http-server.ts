import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { normaliseTarget } from './request-target.ts';

/** Slack's replay window (s): a request stamped further from now, either way, is refused. */
const MAX_CLOCK_SKEW_SECONDS = 300;

export interface HttpOptions {
  readonly slack: RequestListener;
  readonly nowSeconds: () => number;
}

/**
 * The HTTP front door: `/healthz` for load balancers, and Slack's routes (events, commands,
 * interactivity, OAuth) handed to Bolt's receiver. Every request carrying Slack's timestamp header
 * is checked first, whatever its path; then the path is normalised once and the request is routed,
 * by us and by Bolt, on that normalised path only (so no spelling of a path skips a check).
 */
export function createHttpServer(options: HttpOptions): Server {
  return createServer((req, res) => {
    const stale = timestampProblem(req, options.nowSeconds());
    if (stale) return void respond(res, 401, stale);
    const target = normaliseTarget(req.url);
    if (target.kind === 'refused') return void respond(res, target.status, target.reason);
    // Bolt parses req.url again: give it the normalised path, which parses to itself.
    req.url = `${target.path}${target.query}`;
    if (req.method === 'GET' && target.path === '/healthz') return void respond(res, 200, 'ok');
    try {
      options.slack(req, res);
    } catch {
      // Bolt's listener throws for paths it does not serve (as its own server would, answer 404).
      if (!res.headersSent) respond(res, 404, 'not found');
    }
  });
}

/**
 * Why Slack's timestamp header (seconds since the epoch) is unacceptable, or null when it is absent
 * or within the window. Bolt checks staleness on its own routes only, and never the future; this
 * applies to every request, so a signed request dated ahead cannot be kept and replayed later.
 */
function timestampProblem(req: IncomingMessage, now: number): string | null {
  const header = req.headers['x-slack-request-timestamp'];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header)) return 'request timestamp is malformed';
  const stamp = Number(header);
  if (stamp - now > MAX_CLOCK_SKEW_SECONDS) return 'request timestamp is in the future';
  if (now - stamp > MAX_CLOCK_SKEW_SECONDS) return 'request timestamp is too old';
  return null;
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
