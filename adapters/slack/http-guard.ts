import type { IncomingMessage } from 'node:http';
import type { RequestGuard } from '../server/platform-adapter.ts';

/** Slack's replay window (s): a request stamped further from now, either way, is refused. */
const MAX_CLOCK_SKEW_SECONDS = 300;

/**
 * The front door's check of Slack's timestamp header on every request, whatever its path. Bolt
 * checks staleness on its own routes only, and never the future; this one refuses (401) a
 * timestamp outside the window either way, so a signed request dated ahead cannot be kept and
 * replayed later. A request without the header passes (Teams, health checks, OAuth redirects).
 */
export function slackTimestampGuard(nowSeconds: () => number): RequestGuard {
  return (req) => {
    const problem = timestampProblem(req, nowSeconds());
    return problem ? { status: 401, reason: problem } : null;
  };
}

function timestampProblem(req: IncomingMessage, now: number): string | null {
  const header = req.headers['x-slack-request-timestamp'];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header)) return 'request timestamp is malformed';
  const stamp = Number(header);
  if (stamp - now > MAX_CLOCK_SKEW_SECONDS) return 'request timestamp is in the future';
  if (now - stamp > MAX_CLOCK_SKEW_SECONDS) return 'request timestamp is too old';
  return null;
}
