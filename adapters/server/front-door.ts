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
  /** Requests wait for this (the adapters starting after the port was bound); none is answered before. */
  readonly ready?: Promise<void>;
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
  let started = options.ready === undefined;
  void options.ready?.then(() => (started = true), () => undefined);
  const server = createServer((req, res) => {
    // Bound before the adapters started: a request waits for them (and is dropped when one fails to start).
    if (!started) return void options.ready?.then(() => server.emit('request', req, res), () => req.destroy());
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

/**
 * Listen on one port, then start every adapter (requests wait until they have started); stop in the
 * reverse order. The port is bound first so that a port in use is refused before anything (the
 * scheduler, the export workers) has started. Null port: nothing to serve over HTTP.
 */
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
  const gate = opening();
  const server = adapters.some((a) => a.routes?.length) ? createFrontDoor({ adapters, ready: gate.ready, ...(onError ? { onError } : {}), ...(limits ? { limits } : {}) }) : null;
  try {
    const bound = server ? await listen(server, port, host) : null;
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
    }
    gate.open();
    return { port: bound, stop: async () => (server && (await closeServer(server)), await stopAll()) };
  } catch (error) {
    gate.fail();
    if (server?.listening) await closeServer(server);
    await stopAll();
    throw error;
  }
}

/** A promise the front door's requests wait on, opened once the adapters have started. */
function opening(): { ready: Promise<void>; open(): void; fail(): void } {
  let open = (): void => undefined;
  let fail = (): void => undefined;
  const ready = new Promise<void>((resolve, reject) => ((open = resolve), (fail = () => reject(new Error('an adapter did not start')))));
  ready.catch(() => undefined);
  return { ready, open, fail };
}
