import { describe, expect, it } from 'vitest';
import { SIGNING_SECRET, useTestSlack, waitFor } from '../support/slack/harness.ts';
import { commandFields } from '../support/slack/payloads.ts';
import { post, sign } from '../support/slack/signed-request.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;
const YEAR = 365 * 24 * HOUR;

/** Spellings of /slack/events that a URL parser (Bolt's) reads as that route, and how we treat them. */
const SERVED = ['/slack/events', '/slack/./events', '/x/../slack/events', '//slack/events', '/slack//events', '/slack/events/', '/slack/events?x=1', '/slack/%2e/events', '/%2E%2E/slack/events', '/slack\\events'];
/** Percent-encoded path characters are never routed (an absolute-form target, 400, is tested without nock: test/unit/slack/http-server.test.ts). */
const REFUSED: readonly (readonly [string, number])[] = [
  ['/slack/%65vents', 404],
  ['/slack%2Fevents', 404],
  ['/slack/events%2F', 404],
];

describe('Slack: every spelling of a path gets the same checks', () => {
  const t = useTestSlack(database);

  it.each([...SERVED, ...REFUSED.map(([path]) => path)].flatMap((path) => [[path, HOUR], [path, YEAR]] as const))(
    'refuses a correctly signed command at %s dated %i s ahead, and does nothing',
    async (path, ahead) => {
      const response = await t.app.slack.command(commandFields('status'), { path, timestamp: now() + ahead });
      expect(response.status).toBe(401);
      expect(response.body).toBe('request timestamp is in the future');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(t.slack.calls).toEqual([]);
    },
  );

  it.each(SERVED)('serves a valid command at %s exactly as at /slack/events', async (path) => {
    const response = await t.app.slack.command(commandFields('help'), { path });
    expect(response.status).toBe(200);
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
  });

  it.each(SERVED)('still checks the signature at %s', async (path) => {
    const response = await t.app.slack.command(commandFields('help'), { path, secret: 'not-the-secret' });
    expect(response.status).toBe(401);
  });

  it.each(REFUSED)('does not route %s at all (%i)', async (path, status) => {
    const response = await t.app.slack.command(commandFields('help'), { path });
    expect(response.status).toBe(status);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.slack.calls).toEqual([]);
  });

  it('refuses a timestamp header that is not a number of seconds, before routing', async () => {
    const body = new URLSearchParams(commandFields('status')).toString();
    for (const stamp of ['Infinity', '1e10', `${now()}.5`, '-1', '']) {
      const response = await post(t.app.port, '/slack/events', body, 'application/x-www-form-urlencoded', { 'x-slack-request-timestamp': stamp, 'x-slack-signature': sign(SIGNING_SECRET, now(), body) });
      expect(response.status, stamp).toBe(401);
    }
  });
});
