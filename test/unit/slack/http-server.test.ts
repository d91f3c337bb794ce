import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontDoor, listen } from '../../../adapters/server/front-door.ts';
import { slackTimestampGuard } from '../../../adapters/slack/http-guard.ts';
import { normaliseTarget } from '../../../adapters/server/request-target.ts';
import { get, post } from '../../support/slack/signed-request.ts';

const NOW = 1_800_000_000;

describe('normalising a request target', () => {
  it.each([
    ['/slack/events', '/slack/events', ''],
    ['/slack/./events', '/slack/events', ''],
    ['/x/../slack/events', '/slack/events', ''],
    ['/../../slack/events', '/slack/events', ''],
    ['//slack/events', '/slack/events', ''],
    ['/slack///events//', '/slack/events', ''],
    ['/slack\\events', '/slack/events', ''],
    ['/slack/%2e%2E/slack/events', '/slack/events', ''],
    ['/slack/oauth_redirect?code=a%20b&state=x', '/slack/oauth_redirect', '?code=a%20b&state=x'],
    ['/slack/events?x=1#frag', '/slack/events', '?x=1'],
    ['/', '/', ''],
    ['/healthz/', '/healthz', ''],
  ])('%s → %s', (raw, path, query) => {
    expect(normaliseTarget(raw)).toEqual({ kind: 'path', path, query });
  });

  it.each([
    ['/slack/%65vents', 404],
    ['/slack%2Fevents', 404],
    ['/slack%5Cevents', 404],
    ['/slack/"events"', 404],
    ['http://host/slack/events', 400],
    ['*', 400],
    ['', 400],
    [undefined, 400],
  ])('refuses %s (%i)', (raw, status) => {
    expect(normaliseTarget(raw)).toMatchObject({ kind: 'refused', status });
  });

  it('gives a path that a URL parser (Bolt) reads as itself', () => {
    for (const raw of ['/a/./b/../c//d/', '/%2e%2e/%2E/x', '//x/y', '/a\\..\\b']) {
      const target = normaliseTarget(raw);
      if (target.kind !== 'path') throw new Error(`refused ${raw}`);
      expect(new URL(target.path, 'http://localhost').pathname).toBe(target.path);
    }
  });
});

describe('the HTTP front door with Slack mounted', () => {
  const seen: string[] = [];
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const slack = (req: IncomingMessage, res: ServerResponse) => {
      seen.push(req.url ?? '');
      res.end('bolt');
    };
    server = createFrontDoor({ adapters: [{ name: 'slack', guard: slackTimestampGuard(() => NOW), routes: [{ path: '/slack/*', handle: slack }] }] });
    port = await listen(server, 0, '127.0.0.1');
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hands Bolt the normalised path and query, never the raw spelling', async () => {
    seen.length = 0;
    await post(port, '/x/../slack/./events?retry=1', '', 'text/plain', {});
    await get(port, '//slack/oauth_redirect?code=1');
    expect(seen).toEqual(['/slack/events?retry=1', '/slack/oauth_redirect?code=1']);
  });

  it.each(['/slack/events', '/slack/install', '/slack/oauth_redirect', '/healthz', '/anything/else'])(
    'refuses a Slack timestamp an hour or a year ahead, or stale, on %s before anything else sees it',
    async (path) => {
      seen.length = 0;
      for (const stamp of [NOW + 3600, NOW + 365 * 86_400, NOW - 3600]) {
        expect((await get(port, path, { 'x-slack-request-timestamp': String(stamp) })).status).toBe(401);
      }
      expect(seen).toEqual([]);
    },
  );

  it('passes a timestamp within five minutes either way, and requests without one', async () => {
    seen.length = 0;
    await get(port, '/slack/install', { 'x-slack-request-timestamp': String(NOW + 300) });
    await get(port, '/slack/install', { 'x-slack-request-timestamp': String(NOW - 300) });
    await get(port, '/slack/install');
    expect(seen).toHaveLength(3);
  });

  it('refuses an absolute-form request target (which Bolt would route by its path)', async () => {
    seen.length = 0;
    expect((await post(port, 'http://evil.example/slack/events', '', 'text/plain', {})).status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('answers the health check on its normalised path', async () => {
    expect(await get(port, '/healthz/')).toMatchObject({ status: 200, body: 'ok' });
    expect(await get(port, '/./healthz?probe=1')).toMatchObject({ status: 200, body: 'ok' });
  });
});
