import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startSlack, type RunningSlack } from '../../adapters/slack/app.ts';
import { testDeps } from '../builders/deps.ts';
import { interceptSlack, textOf, waitFor } from '../support/slack/harness.ts';
import { commandFields, dmMessage, eventEnvelope } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/**
 * A local stand-in for Slack's Socket Mode endpoint: apps.connections.open (nock) hands out its
 * ws:// address; it says hello, then delivers envelopes and records the acks that come back.
 */
describe('Slack over Socket Mode (SLACK_APP_TOKEN)', () => {
  let server: WebSocketServer;
  let socket: WebSocket | null = null;
  const fromApp: Record<string, unknown>[] = [];
  let running: RunningSlack;
  let slack: ReturnType<typeof interceptSlack>;

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    server.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => fromApp.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0RECERT' } }));
    });
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock('https://slack.com', { reqheaders: { authorization: 'Bearer xapp-1-A0RECERT-test' } })
      .persist()
      .post('/api/apps.connections.open')
      .reply(200, { ok: true, url: `ws://127.0.0.1:${port}/link` });
    slack = interceptSlack();
    const deps = testDeps(database.current.db);
    running = await startSlack(
      { config: { signingSecret: null, botToken: 'xoxb-socket', appToken: 'xapp-1-A0RECERT-test', oauth: null, apiUrl: null }, core: deps, log: deps.log, newReference: () => 'r', botIdentity: { botId: 'B0BOT', botUserId: 'U0BOT' } },
      0,
    );
  });
  afterAll(async () => {
    await running.stop();
    server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('connects without an HTTP port or signing secret', () => {
    expect(running.port).toBeNull();
    expect(socket).not.toBeNull();
  });

  it('acks a slash command envelope over the socket, then answers through response_url', async () => {
    socket?.send(JSON.stringify({ envelope_id: 'env-command', type: 'slash_commands', accepts_response_payload: true, payload: commandFields('help') }));
    await waitFor(() => fromApp.some((m) => m.envelope_id === 'env-command'));
    await waitFor(() => slack.callsTo('response_url').length > 0);
    expect(textOf(slack.callsTo('response_url').at(-1)?.body ?? {})).toContain('/ceu log');
  });

  it('answers a DM delivered as an events_api envelope', async () => {
    const envelope = eventEnvelope(dmMessage('MLN course "Socket Course" 45 min yesterday'));
    socket?.send(JSON.stringify({ envelope_id: 'env-event', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: envelope }));
    await waitFor(() => fromApp.some((m) => m.envelope_id === 'env-event'));
    await waitFor(() => slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('Socket Course')));
  });
});
