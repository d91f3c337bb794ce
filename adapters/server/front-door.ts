import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { admission, DEFAULT_ADMISSION_LIMITS, type Admission, type AdmissionLimits } from './admission.ts';
import type { PlatformAdapter, RequestGuard, Route } from './platform-adapter.ts';
import { normaliseTarget } from './request-target.ts';

/** What the front door serves: every adapter's guards and routes; `/healthz` is its own. */
export interface FrontDoorOptions {
  readonly adapters: readonly Pick<PlatformAdapter, 'name' | 'routes' | 'guard' | 'shed'>[];
  /** A route threw or rejected after the answer may have started: reported, never crashing the process. */
  readonly onError?: (error: unknown, route: string) => void;
  /** What is held in memory at once (admission.ts); the defaults when absent. */
  readonly limits?: Partial<AdmissionLimits>;
}

/** The server, and what its admission counts (in flight, shed). */
export type FrontDoor = Server & { readonly admission: Admission };

/**
 * The one HTTP server of `recert serve`. Every guard sees every request first, whatever its path;
 * then the path is normalised once and routed on that normalised path only (so no spelling of a
 * path skips a check), and the route gets the normalised path in `req.url` (Bolt parses it again).
 */
export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
  const guards = options.adapters.map((a) => a.guard).filter((g): g is RequestGuard => g !== undefined);
  const routes = options.adapters.flatMap((a) => a.routes ?? []);
  const gate = admission({ ...DEFAULT_ADMISSION_LIMITS, ...options.limits });
  const shedders = options.adapters.map((a) => a.shed).filter((s): s is NonNullable<PlatformAdapter['shed']> => s !== undefined);
  const server = createServer((req, res) => {
    // First: a request refused for load has not been stored or acknowledged (the client retries, or
    // its adapter tells the person in its own words).
    const refused = gate.admit(req, res);
    if (refused && refused.status === 503 && shedders.some((shed) => shed(req, res, refused))) return;
    if (refused) return void respond(res, refused.status, refused.reason, refused.headers);
    for (const guard of guards) {
      const refusal = guard(req);
      if (refusal) return void respond(res, refusal.status, refusal.reason);
    }
    const target = normaliseTarget(req.url);
    if (target.kind === 'refused') return void respond(res, target.status, target.reason);
    req.url = `${target.path}${target.query}`;
    if (req.method === 'GET' && target.path === '/healthz') return void respond(res, 200, 'ok');
    const route = routes.find((r) => matches(r, target.path));
    if (!route) return void respond(res, 404, 'not found');
    if (route.method && route.method !== req.method) return void respond(res, 405, 'method not allowed');
    void serve(route, req, res, options.onError);
  });
  return Object.assign(server, { admission: gate });
}

async function serve(route: Route, req: IncomingMessage, res: ServerResponse, onError: FrontDoorOptions['onError']): Promise<void> {
  try {
    await route.handle(req, res);
  } catch (error) {
    onError?.(error, route.path);
    if (!res.headersSent) respond(res, 500, 'internal error');
    else if (!res.writableEnded) res.end();
  }
}

function matches(route: Route, path: string): boolean {
  if (!route.path.endsWith('/*')) return route.path === path;
  const prefix = route.path.slice(0, -2);
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function respond(res: ServerResponse, status: number, text: string, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain', ...headers });
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

/** Stop taking requests and drop idle and open connections (the adapters then finish what they hold). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Start every adapter, then listen on one port; stop in the reverse order. Null port: nothing to serve over HTTP. */
export async function openFrontDoor(
  adapters: readonly PlatformAdapter[],
  port: number,
  host: string | undefined,
  onError?: FrontDoorOptions['onError'],
  limits?: Partial<AdmissionLimits>,
): Promise<{ readonly port: number | null; stop(): Promise<void> }> {
  const started: PlatformAdapter[] = [];
  const stopAll = async () => {
    for (const adapter of started.reverse()) await adapter.stop();
  };
  try {
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
    }
    if (!adapters.some((a) => a.routes?.length)) return { port: null, stop: stopAll };
    const server = createFrontDoor({ adapters, ...(onError ? { onError } : {}), ...(limits ? { limits } : {}) });
    const bound = await listen(server, port, host);
    return { port: bound, stop: async () => (await closeServer(server), await stopAll()) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
