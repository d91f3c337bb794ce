/**
 * The path a request is routed on, normalised once so that every check and every route sees the
 * same path. Bolt's HTTPReceiver routes on `new URL(req.url, base).pathname`, which resolves `.`
 * and `..` (also `%2e`) and reads `//x/y` as host `x` with path `/y`; checking the raw URL instead
 * let `/slack/./events` past a check made on `/slack/events`.
 *
 * - Backslashes count as slashes and runs of slashes collapse (`//slack/events` → `/slack/events`),
 *   then `.` and `..` segments are resolved as a URL resolves them, and a trailing slash is dropped.
 * - A path still holding a percent-encoded octet (`/slack/%65vents`, `/slack%2Fevents`) is refused
 *   (404): none of our routes has one, and decoding would let `%2F` invent a separator that no
 *   check saw. Only the query may carry percent-encoding.
 * - A request target that is not a path (absolute form `http://host/…`, `*`) is refused (400);
 *   Slack never sends one.
 */
export type RequestTarget =
  | { readonly kind: 'path'; readonly path: string; readonly query: string }
  | { readonly kind: 'refused'; readonly status: 400 | 404; readonly reason: string };

/** Only the path and query matter; the base is needed to parse a path alone. */
const BASE = 'http://localhost';

export function normaliseTarget(raw: string | undefined): RequestTarget {
  if (!raw?.startsWith('/')) return { kind: 'refused', status: 400, reason: 'the request target must be a path' };
  const end = raw.search(/[?#]/);
  const rawPath = end < 0 ? raw : raw.slice(0, end);
  const collapsed = rawPath.replaceAll('\\', '/').replace(/\/{2,}/g, '/');
  const url = new URL(collapsed + (end < 0 ? '' : raw.slice(end)), BASE);
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : url.pathname;
  // The path handed on must read the same when parsed again (what Bolt does), or it is not served.
  if (path.includes('%') || path.includes('//') || new URL(path, BASE).pathname !== path) return { kind: 'refused', status: 404, reason: 'not found' };
  return { kind: 'path', path, query: url.search };
}
