import { describe, expect, it } from 'vitest';
import { SIGNING_SECRET, waitFor, useTestSlack } from '../support/slack/harness.ts';
import { commandFields } from '../support/slack/payloads.ts';
import { get, post, sign } from '../support/slack/signed-request.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('Slack: request verification', () => {
  const t = useTestSlack(database);

  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['signed with another secret', { secret: 'not-the-secret' }],
    ['five and a half minutes old', { timestamp: now() - 330 }],
    ['dated six minutes in the future', { timestamp: now() + 360 }],
  ])('refuses a command %s, and does nothing', async (_name, options) => {
    const response = await t.app.slack.command(commandFields('status'), options);
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.slack.calls).toEqual([]);
  });

  it('refuses a request without signature headers, and a body changed after signing', async () => {
    const body = new URLSearchParams(commandFields('status')).toString();
    expect((await post(t.app.port, '/slack/events', body, 'application/x-www-form-urlencoded', {})).status).toBe(401);
    const timestamp = now();
    const tampered = await post(t.app.port, '/slack/events', body.replace('status', 'undo'), 'application/x-www-form-urlencoded', {
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(SIGNING_SECRET, timestamp, body),
    });
    expect(tampered.status).toBe(401);
  });

  it('answers a replayed (identical, still fresh) command only once', async () => {
    const fields = commandFields('history');
    const timestamp = now();
    await t.app.slack.command(fields, { timestamp });
    await t.app.slack.command(fields, { timestamp });
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.slack.callsTo('response_url').filter((c) => JSON.stringify(c.body).includes('entries') || JSON.stringify(c.body).includes('No entries'))).toHaveLength(1);
  });

  it('serves a health check and nothing on unknown paths', async () => {
    expect((await get(t.app.port, '/healthz')).status).toBe(200);
    expect((await get(t.app.port, '/slack/events')).status).toBe(404);
  });

  it('never writes the bot token or the signing secret to the log', () => {
    const logged = JSON.stringify(t.app.deps.log.lines);
    expect(logged).not.toContain('xoxb-');
    expect(logged).not.toContain(SIGNING_SECRET);
  });
});
