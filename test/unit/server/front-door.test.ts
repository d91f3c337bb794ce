import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontDoor, listen, openFrontDoor } from '../../../adapters/server/front-door.ts';
import type { PlatformAdapter } from '../../../adapters/server/platform-adapter.ts';
import { get, post } from '../../support/slack/signed-request.ts';
import { freePort } from '../../support/serve-process.ts';

describe('the front door: one server, many adapters', () => {
  let server: Server;
  let port: number;
  const errors: string[] = [];

  beforeAll(async () => {
    server = createFrontDoor({
      adapters: [
        { name: 'a', routes: [{ path: '/a/*', handle: (req, res) => void res.end(`a ${req.url ?? ''}`) }] },
        {
          name: 'b',
          guard: (req) => (req.headers['x-refuse'] ? { status: 403, reason: 'refused by b' } : null),
          routes: [
            { method: 'POST', path: '/api/messages', handle: (_req, res) => void res.end('b') },
            { path: '/boom', handle: () => Promise.reject(new Error('kaput')) },
          ],
        },
      ],
      onError: (error, route) => errors.push(`${route}: ${String(error)}`),
    });
    port = await listen(server, 0, '127.0.0.1');
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('routes each adapter its own paths, on the normalised path, and owns /healthz', async () => {
    expect(await get(port, '/a/x/../y?q=1')).toMatchObject({ status: 200, body: 'a /a/y?q=1' });
    expect(await get(port, '/a')).toMatchObject({ status: 200, body: 'a /a' });
    expect(await post(port, '/api//messages', '{}', 'application/json', {})).toMatchObject({ status: 200, body: 'b' });
    expect(await get(port, '/healthz')).toMatchObject({ status: 200, body: 'ok' });
  });

  it('answers 404 for no route, 405 for the wrong method, 500 when a route fails', async () => {
    expect((await get(port, '/ab')).status).toBe(404);
    expect((await get(port, '/api/messages')).status).toBe(405);
    expect((await get(port, '/boom')).status).toBe(500);
    expect(errors).toEqual(['/boom: Error: kaput']);
  });

  it('runs every guard on every path', async () => {
    expect(await get(port, '/a/x', { 'x-refuse': '1' })).toMatchObject({ status: 403, body: 'refused by b' });
    expect((await get(port, '/healthz', { 'x-refuse': '1' })).status).toBe(403);
  });
});

describe('openFrontDoor', () => {
  const adapter = (name: string, log: string[], routes = true): PlatformAdapter => ({
    name,
    ...(routes ? { routes: [{ path: `/${name}`, handle: (_req, res) => void res.end(name) }] } : {}),
    start: async () => void log.push(`start ${name}`),
    stop: async () => void log.push(`stop ${name}`),
  });

  it('binds the port before starting any adapter: a port in use starts nothing; a request waits until the adapters have started', async () => {
    const log: string[] = [];
    const taken = await openFrontDoor([adapter('first', log)], 0, '127.0.0.1');
    await expect(openFrontDoor([adapter('late', log)], taken.port ?? 0, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(log).toEqual(['start first']);
    await taken.stop();
    let release = (): void => undefined;
    const slow: PlatformAdapter = { ...adapter('slow', log), start: () => new Promise<void>((resolve) => (release = () => (log.push('start slow'), resolve()))) };
    const port = await freePort();
    const opening = openFrontDoor([slow], port, '127.0.0.1');
    // Bound while start() is still running: the request is held, and answered once the adapter has started.
    const answered = get(port, '/slow').then((r) => (log.push(`answered ${r.body}`), r));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(log).toEqual(['start first', 'stop first']);
    release();
    expect(await answered).toMatchObject({ status: 200, body: 'slow' });
    await (await opening).stop();
    expect(log).toEqual(['start first', 'stop first', 'start slow', 'answered slow', 'stop slow']);
  });

  it('starts every adapter and stops them in reverse order after closing', async () => {
    const log: string[] = [];
    const door = await openFrontDoor([adapter('one', log), adapter('two', log)], 0, '127.0.0.1');
    expect(await get(door.port ?? 0, '/two')).toMatchObject({ status: 200, body: 'two' });
    await door.stop();
    expect(log).toEqual(['start one', 'start two', 'stop two', 'stop one']);
  });

  it('listens on no port when no adapter has routes, and stops what started when one fails to start', async () => {
    const log: string[] = [];
    const quiet = await openFrontDoor([adapter('socket', log, false)], 0, '127.0.0.1');
    expect(quiet.port).toBeNull();
    await quiet.stop();
    const failing: PlatformAdapter = { name: 'bad', start: () => Promise.reject(new Error('no')), stop: async () => undefined };
    await expect(openFrontDoor([adapter('ok', log), failing], 0, '127.0.0.1')).rejects.toThrow('no');
    expect(log).toEqual(['start socket', 'stop socket', 'start ok', 'stop ok']);
  });
});

describe('the front door: what it holds in memory', () => {
  it('refuses a body over the bound with 413 before any route reads it, and counts a served request out when it is answered', async () => {
    const seen: string[] = [];
    const server = createFrontDoor({ adapters: [{ name: 'a', routes: [{ path: '/a', handle: (req, res) => void (seen.push(req.url ?? ''), res.end('a')) }] }], limits: { maxBodyBytes: 10, maxInFlight: 1 } });
    const port = await listen(server, 0, '127.0.0.1');
    try {
      expect(await post(port, '/a', 'x'.repeat(11), 'text/plain', {})).toMatchObject({ status: 413 });
      expect(seen).toEqual([]);
      expect(await post(port, '/a', 'x'.repeat(10), 'text/plain', {})).toMatchObject({ status: 200, body: 'a' });
      expect(server.admission.inFlight()).toBe(0);
      expect(server.admission.shed()).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the front door: an adapter answers what it sheds', () => {
  it('lets the adapter answer a request refused for load in its own words, and sends 503 for the ones it declines', async () => {
    const held: (() => void)[] = [];
    const server = createFrontDoor({
      adapters: [{ name: 'a', shed: (req, res) => req.headers['x-mine'] === 'yes' && (res.end('busy, said my way'), true), routes: [{ path: '/a', handle: (_req, res) => void held.push(() => res.end('a')) }] }],
      limits: { maxInFlight: 1 },
    });
    const port = await listen(server, 0, '127.0.0.1');
    try {
      const first = post(port, '/a', 'x', 'text/plain', {});
      while (held.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await post(port, '/a', 'x', 'text/plain', { 'x-mine': 'yes' })).toMatchObject({ status: 200, body: 'busy, said my way' });
      expect(await post(port, '/a', 'x', 'text/plain', {})).toMatchObject({ status: 503 });
      expect(held).toHaveLength(1);
      held[0]?.();
      expect(await first).toMatchObject({ status: 200, body: 'a' });
      expect(server.admission.shed()).toBe(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
