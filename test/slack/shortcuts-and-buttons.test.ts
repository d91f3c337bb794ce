import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { startSlack, SlackStartError } from '../../adapters/slack/app.ts';
import { buttonValue, SIGNING_SECRET, textOf, waitFor, useTestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, dmMessage, eventEnvelope, RESPONSE_URL_HOST, TEAM, uniqueId, USER } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { testDeps } from '../builders/deps.ts';

const database = useTestDatabase();

describe('Slack: shortcuts, Cancel, history pages, App Home buttons', () => {
  const t = useTestSlack(database);

  it('opens the modal from the global shortcut', async () => {
    const triggerId = `trigger.${uniqueId('')}`;
    await t.app.slack.interaction({ type: 'shortcut', callback_id: 'ceu_log_training_shortcut', trigger_id: triggerId, team: { id: TEAM }, user: { id: USER, team_id: TEAM } });
    await waitFor(() => t.slack.callsTo('views.open').length > 0);
    expect(t.slack.callsTo('views.open')[0]?.body.trigger_id).toBe(triggerId);
  });

  it('turns any message into a private preview with the message shortcut', async () => {
    const id = uniqueId('');
    await t.app.slack.interaction({
      type: 'message_action',
      callback_id: 'ceu_log_message',
      trigger_id: `trigger.${id}`,
      response_url: `${RESPONSE_URL_HOST}/actions/${TEAM}/${id}/x`,
      team: { id: TEAM },
      user: { id: USER, team_id: TEAM },
      channel: { id: 'C0GENERAL', name: 'general' },
      message_ts: '1700000400.000100',
      message: { type: 'message', user: 'U0OTHER', ts: '1700000400.000100', text: 'Reminder: the MLN Connects Call "Hospice Billing Update" ran 2:00 – 3:30 pm ET yesterday' },
    });
    await waitFor(() => t.slack.callsTo('response_url').some((c) => textOf(c.body).includes('ceu_confirm')));
    const preview = t.slack.callsTo('response_url').find((c) => textOf(c.body).includes('ceu_confirm'))?.body ?? {};
    expect(preview.response_type).toBe('ephemeral');
    expect(textOf(preview)).toContain('Hospice Billing Update');
    expect(textOf(preview)).toContain('CMS06140729A');
    expect(textOf(preview)).toContain('ceu_confirm_unregistered');
  });

  it('cancels a preview, and a later Confirm of it explains it was cancelled', async () => {
    await t.app.slack.event(eventEnvelope(dmMessage('MLN course "Cancel Me Course" 30 min yesterday')));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('ceu_cancel')));
    const draftId = buttonValue(t.slack.callsTo('chat.postMessage').find((c) => textOf(c.body).includes('ceu_cancel'))?.body ?? {}, 'ceu_cancel');
    await t.app.slack.interaction(blockAction('ceu_cancel', draftId));
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    expect(textOf(t.slack.callsTo('response_url')[0]?.body ?? {})).toContain('Cancel Me Course');
    await t.app.slack.interaction(blockAction('ceu_confirm', draftId));
    await waitFor(() => t.slack.callsTo('response_url').length > 1);
    expect(textOf(t.slack.callsTo('response_url')[1]?.body ?? {})).toMatch(/cancelled/i);
  });

  it('pages through the history with its buttons', async () => {
    for (let day = 1; day <= 11; day += 1) {
      const before = t.slack.callsTo('response_url').length;
      await t.app.slack.command(commandFields(`log "Paged Course ${day}" 30 min on Nov ${day}`));
      await waitFor(() => t.slack.callsTo('response_url').some((c, i) => i >= before && textOf(c.body).includes('ceu_confirm')));
      const preview = t.slack.callsTo('response_url').slice(before).find((c) => textOf(c.body).includes('ceu_confirm'));
      await t.app.slack.interaction(blockAction('ceu_confirm', buttonValue(preview?.body ?? {}, 'ceu_confirm')));
      await waitFor(() => t.slack.callsTo('response_url').slice(before).some((c) => textOf(c.body).includes('ceu_undo')));
    }
    const before = t.slack.callsTo('response_url').length;
    await t.app.slack.command(commandFields('history'));
    await waitFor(() => t.slack.callsTo('response_url').length > before);
    const first = t.slack.callsTo('response_url').at(-1)?.body ?? {};
    expect(textOf(first)).toContain('ceu_history_page:next');
    await t.app.slack.interaction(blockAction('ceu_history_page:next', buttonValue(first, 'ceu_history_page:next')));
    await waitFor(() => t.slack.callsTo('response_url').length > before + 1);
    const second = t.slack.callsTo('response_url').at(-1)?.body ?? {};
    expect(second.replace_original).toBe(true);
    expect(textOf(second)).toContain('Paged Course 1');
    expect(textOf(second)).toContain('ceu_history_page:prev');
  });

  it('opens the modal from App Home and explains attaching in the DM', async () => {
    await t.app.slack.interaction(blockAction('ceu_home_log', '', { container: { type: 'view', view_id: 'V0HOME' }, response_url: undefined, message: undefined, channel: undefined }));
    await waitFor(() => t.slack.callsTo('views.open').length > 0);
    await t.app.slack.interaction(blockAction('ceu_home_attach', '', { container: { type: 'view', view_id: 'V0HOME' }, response_url: undefined, message: undefined, channel: undefined }));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > 0);
    expect(t.slack.callsTo('chat.postMessage')[0]?.body.channel).toBe(USER);
    expect(textOf(t.slack.callsTo('chat.postMessage')[0]?.body ?? {})).toMatch(/share the file/i);
  });
});

describe('Slack: starting up', () => {
  it('refuses to start the HTTP receiver without a signing secret', async () => {
    const deps = testDeps(database.current.db);
    await expect(
      startSlack({ config: { signingSecret: null, botToken: 'xoxb-1', appToken: null, oauth: null, apiUrl: null }, core: deps, log: deps.log, newReference: () => 'r', botIdentity: { botId: 'B', botUserId: 'U' } }, 0),
    ).rejects.toBeInstanceOf(SlackStartError);
  });

  it('reports a refused bot token at start instead of on the first command', async () => {
    nock.disableNetConnect();
    nock('https://slack.com').post('/api/auth.test').reply(200, { ok: false, error: 'invalid_auth' });
    const deps = testDeps(database.current.db);
    await expect(startSlack({ config: { signingSecret: SIGNING_SECRET, botToken: 'xoxb-bad', appToken: null, oauth: null, apiUrl: null }, core: deps, log: deps.log, newReference: () => 'r' }, 0)).rejects.toThrow(
      /refused SLACK_BOT_TOKEN \(invalid_auth\)/,
    );
    nock.cleanAll();
    nock.enableNetConnect();
  });
});
