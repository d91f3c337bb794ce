import { describe, expect, it } from 'vitest';
import { textOf, waitFor, useTestSlack } from '../support/slack/harness.ts';
import { commandFields, dmMessage, eventEnvelope, USER, DM, TEAM } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('Slack: slash command and messages through the signed HTTP entry point', () => {
  const t = useTestSlack(database);

  it('answers `/ceu log …` with an ephemeral preview showing the credit and how it was computed', async () => {
    const response = await t.app.slack.command(commandFields('log "Telehealth Billing Basics" webinar 45 min yesterday'));
    expect(response.status).toBe(200);
    // A first contact is greeted first; the preview follows.
    await waitFor(() => t.slack.callsTo('response_url').some((c) => textOf(c.body).includes('ceu_confirm')));
    const calls = t.slack.callsTo('response_url');
    expect(textOf(calls[0]?.body ?? {})).toContain('Welcome to Recert, Sam');
    const reply = calls.find((c) => textOf(c.body).includes('ceu_confirm'));
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = textOf(reply?.body ?? {});
    expect(text).toContain('Telehealth Billing Basics');
    expect(text).toContain('CMS06140728A');
    expect(text).toContain('45 minutes is over 30 and up to 60');
    expect(text).toContain('ceu_confirm');
  });

  it('opens the "Log a training" modal for `/ceu` alone', async () => {
    const fields = commandFields('');
    await t.app.slack.command(fields);
    await waitFor(() => t.slack.callsTo('views.open').length > 0);
    const [open] = t.slack.callsTo('views.open');
    expect(open?.body.trigger_id).toBe(fields.trigger_id);
    expect(textOf(open?.body ?? {})).toContain('ceu_log_training');
  });

  it('shares status in the channel only when asked', async () => {
    await t.app.slack.command(commandFields('status share'));
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    expect(t.slack.callsTo('response_url')[0]?.body.response_type).toBe('in_channel');
  });

  it('answers a DM in its thread with a preview, and the answer in the thread completes it', async () => {
    const message = dmMessage('watched the MLN webinar on telehealth billing yesterday');
    await t.app.slack.event(eventEnvelope(message));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > 0);
    const question = t.slack.callsTo('chat.postMessage')[0]?.body ?? {};
    expect(question).toMatchObject({ channel: DM, thread_ts: message.ts });
    expect(textOf(question)).toMatch(/how long/i);
    await t.app.slack.event(eventEnvelope(dmMessage('45', { thread_ts: message.ts })));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > 1);
    const preview = t.slack.callsTo('chat.postMessage')[1]?.body ?? {};
    expect(preview).toMatchObject({ channel: DM, thread_ts: message.ts });
    expect(textOf(preview)).toContain('CMS06140728A');
  });

  it('answers an @mention in the channel thread', async () => {
    const ts = '1700000123.000100';
    await t.app.slack.event(
      eventEnvelope({ type: 'app_mention', user: USER, team: TEAM, channel: 'C0GENERAL', text: '<@U0BOT> finished MLN course "Coding Updates" 1 hr 15 min', ts, event_ts: ts, client_msg_id: 'mention-1' }),
    );
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > 0);
    const reply = t.slack.callsTo('chat.postMessage')[0]?.body ?? {};
    expect(reply).toMatchObject({ channel: 'C0GENERAL', thread_ts: ts });
    expect(textOf(reply)).toContain('CMS06140729A');
  });

  // The core no longer knows "/ceu": the adapter strips it where it reads a command or a message.
  it('reads `/ceu status` written as a DM, and `ceu history` in a mention, as the bare commands', async () => {
    await t.app.slack.event(eventEnvelope(dmMessage('/ceu status')));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('No certificate on file')));
    const ts = '1700000456.000100';
    await t.app.slack.event(eventEnvelope({ type: 'app_mention', user: USER, team: TEAM, channel: 'C0GENERAL', text: '<@U0BOT> ceu history', ts, event_ts: ts, client_msg_id: 'mention-2' }));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('No entries yet')));
    expect(t.slack.callsTo('chat.postMessage').map((c) => textOf(c.body)).join('\n')).not.toContain('Here is what I understood');
  });

  it('reads `/ceu ceu status` (the name typed again after the command) as status', async () => {
    await t.app.slack.command(commandFields('ceu status'));
    await waitFor(() => t.slack.callsTo('response_url').some((c) => textOf(c.body).includes('No certificate on file')));
  });
});
