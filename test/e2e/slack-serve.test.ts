import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { SlackSender } from '../support/slack/signed-request.ts';
import { freePort, startServe, type ServeProcess } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const SECRET = 'e2e-signing-secret';

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('`recert serve` against a local fake Slack Web API (SLACK_API_URL)', () => {
  let fake: FakeSlackApi;
  let serve: ServeProcess;
  let slack: SlackSender;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    const port = await freePort();
    serve = await startServe(
      { DATABASE_URL: database.current.connectionString, SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: 'xoxb-e2e-token', SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'warn' },
      port,
    );
    slack = new SlackSender(port, SECRET);
  }, 90_000);
  afterAll(async () => {
    await serve?.stop();
    await fake?.close();
  });

  it('verifies the token at start, then logs, confirms, attaches a certificate and reports status', async () => {
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    const base = { team_id: 'T0FAKE', user_id: 'U0E2E', channel_id: 'D0E2E', api_app_id: 'A1', command: '/ceu' };
    await slack.command({ ...base, text: 'cert CMSS-77 issued 2026-01-15', trigger_id: 't0', response_url: fake.responseUrl('c0') });
    await until(() => fake.callsTo('response_url/respond/c0').some((c) => JSON.stringify(c.body).includes('CMSS-77')), 'the certificate');
    await slack.command({ ...base, text: 'log "End To End Billing" webinar 90 min yesterday', trigger_id: 't1', response_url: fake.responseUrl('c1') });
    await until(() => fake.callsTo('response_url/respond/c1').some((c) => JSON.stringify(c.body).includes('ceu_confirm')), 'the preview');
    const preview = fake.callsTo('response_url/respond/c1').find((c) => JSON.stringify(c.body).includes('ceu_confirm'));
    const draftId = /"action_id":"ceu_confirm","value":"([^"]+)"/.exec(JSON.stringify(preview?.body))?.[1] ?? '';
    expect(draftId).not.toBe('');

    await slack.interaction({
      type: 'block_actions',
      team: { id: 'T0FAKE' },
      user: { id: 'U0E2E', team_id: 'T0FAKE' },
      trigger_id: 't2',
      response_url: fake.responseUrl('a1'),
      container: { type: 'message', channel_id: 'D0E2E', message_ts: '1.1' },
      channel: { id: 'D0E2E' },
      actions: [{ type: 'button', action_id: 'ceu_confirm', block_id: 'b', value: draftId, action_ts: '1' }],
    });
    await until(() => fake.callsTo('response_url/respond/a1').length > 0, 'the confirmation');
    expect(JSON.stringify(fake.callsTo('response_url/respond/a1')[0]?.body)).toContain('End To End Billing');

    fake.addFile({ id: 'F0E2E', name: 'certificate.pdf', bytes: pdfBytes(), channel: 'D0E2E' });
    await slack.event({ type: 'event_callback', team_id: 'T0FAKE', api_app_id: 'A1', event_id: 'Ev0E2E', event_time: 1, event: { type: 'file_shared', file_id: 'F0E2E', user_id: 'U0E2E', channel_id: 'D0E2E', event_ts: '1.2' } });
    await until(() => fake.callsTo('chat.postMessage').some((c) => JSON.stringify(c.body).includes('certificate.pdf')), 'the attachment');
    expect(fake.callsTo('download')[0]?.authorization).toBe('Bearer xoxb-e2e-token');

    await slack.command({ ...base, text: 'status', trigger_id: 't3', response_url: fake.responseUrl('c2') });
    await until(() => fake.callsTo('response_url/respond/c2').length > 0, 'the status');
    expect(JSON.stringify(fake.callsTo('response_url/respond/c2')[0]?.body)).toContain('1.5 of 3 CE');
  }, 60_000);

  it('stops cleanly on SIGTERM', async () => {
    expect(await serve.stop()).toBe(0);
    expect(serve.output()).not.toContain('xoxb-e2e-token');
  }, 30_000);
});
