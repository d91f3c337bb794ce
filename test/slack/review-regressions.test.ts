import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { buttonValue, textOf, waitFor, useTestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, dmMessage, eventEnvelope, TEAM, uniqueId, USER } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('Slack: privacy and double entries', () => {
  const t = useTestSlack(database);

  const posted = (fragment: string) => t.slack.callsTo('chat.postMessage').find((c) => textOf(c.body).includes(fragment))?.body ?? {};

  it('does not log a private DM preview when "yes" is said in a channel', async () => {
    await t.app.slack.event(eventEnvelope(dmMessage('MLN course "Private Preview Course" 30 min yesterday')));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('Private Preview Course')));
    const ts = '1700000500.000100';
    await t.app.slack.event(eventEnvelope({ type: 'app_mention', user: USER, team: TEAM, channel: 'C0PUBLIC', text: '<@U0BOT> yes', ts, event_ts: ts, client_msg_id: uniqueId('m-') }));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => c.body.channel === 'C0PUBLIC'));
    const reply = t.slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0PUBLIC')?.body ?? {};
    expect(textOf(reply)).not.toContain('Private Preview Course');
    expect(textOf(reply)).toMatch(/nothing waiting/i);
  });

  it('refuses Edit on a preview that was already logged, instead of logging it twice', async () => {
    const message = dmMessage('MLN course "Edit After Yes Course" 30 min yesterday');
    await t.app.slack.event(eventEnvelope(message));
    await waitFor(() => textOf(posted('Edit After Yes Course')).includes('ceu_edit'));
    const draftId = buttonValue(posted('Edit After Yes Course'), 'ceu_edit');
    await t.app.slack.event(eventEnvelope(dmMessage('yes', { thread_ts: message.ts })));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('Logged entry')));
    await t.app.slack.interaction(blockAction('ceu_edit', draftId));
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    expect(textOf(t.slack.callsTo('response_url')[0]?.body ?? {})).toMatch(/already logged/i);
    expect(t.slack.callsTo('views.open')).toEqual([]);
  });

  it('answers a forged or stale button value kindly', async () => {
    await t.app.slack.interaction(blockAction('ceu_confirm', 'not-a-uuid'));
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    const text = textOf(t.slack.callsTo('response_url')[0]?.body ?? {});
    expect(text).toMatch(/nothing waiting for your confirmation/i);
    expect(text).not.toMatch(/went wrong/i);
  });

  it('reads Slack-escaped command text, and never shares a preview in the channel', async () => {
    await t.app.slack.command(commandFields('log "Billing &amp; Coding &lt;Basics&gt;" 45 min yesterday share'));
    await waitFor(() => t.slack.callsTo('response_url').some((c) => textOf(c.body).includes('ceu_confirm')));
    const preview = t.slack.callsTo('response_url').find((c) => textOf(c.body).includes('ceu_confirm'))?.body ?? {};
    expect(preview.response_type).toBe('ephemeral');
    // Escaped once for display by Slack's rules, not twice: the stored title is "Billing & Coding <Basics>".
    expect(textOf(preview)).toContain('Billing &amp; Coding &lt;Basics&gt;');
    expect(textOf(preview)).not.toContain('&amp;amp;');
  });

  it('welcomes someone whose first visit is the Home tab, in the DM', async () => {
    const newcomer = 'U0HOMEFIRST';
    await t.app.slack.event(eventEnvelope({ type: 'app_home_opened', user: newcomer, channel: 'D0HOME', tab: 'home', event_ts: '1700000600.1' }));
    await waitFor(() => t.slack.callsTo('views.publish').length > 0);
    expect(t.slack.callsTo('chat.postMessage').some((c) => c.body.channel === newcomer && textOf(c.body).includes('Welcome to Recert'))).toBe(true);
  });

  it('keeps quiet about a file in a channel thread that is not an entry\'s, even when Slack refuses files.info', async () => {
    nock('https://slack.com').post('/api/files.info').reply(200, { ok: false, error: 'missing_scope' });
    await t.app.slack.event(eventEnvelope({ type: 'file_shared', file_id: 'F0QUIET', user_id: USER, channel_id: 'C0RANDOM', event_ts: '1.1' }));
    await waitFor(() => t.app.deps.log.lines.some((l) => l.message === 'slack channel file not handled'));
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});
