import { describe, expect, it } from 'vitest';
import { listTrainings } from '../../src/db/repositories/trainings.ts';
import { findPerson } from '../../src/db/repositories/people.ts';
import { buttonValue, textOf, waitFor, type TestSlack, useTestSlack } from '../support/slack/harness.ts';
import { blockAction, DM, dmMessage, eventEnvelope, TEAM, USER, uniqueId } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { sql } from 'kysely';

const database = useTestDatabase();

async function trainingsOfScribe(app: TestSlack) {
  const person = await sql<{ id: string; organisation_id: string }>`
    select p.id, p.organisation_id from people p join organisations o on o.id = p.organisation_id
    where o.platform = 'slack' and o.external_id = ${TEAM} and p.platform_user_id = ${USER}`.execute(app.deps.db);
  const row = person.rows[0];
  if (!row) return [];
  expect(await findPerson(app.deps.db, row.organisation_id, row.id)).toBeDefined();
  return listTrainings(app.deps.db, row.organisation_id, row.id);
}

describe('Slack: buttons, the modal and retries', () => {
  const t = useTestSlack(database);

  async function previewFor(text: string): Promise<{ draftId: string; threadTs: string }> {
    const message = dmMessage(text);
    await t.app.slack.event(eventEnvelope(message));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('ceu_confirm')));
    const preview = t.slack.callsTo('chat.postMessage').find((c) => textOf(c.body).includes('ceu_confirm'));
    return { draftId: buttonValue(preview?.body ?? {}, 'ceu_confirm'), threadTs: String(message.ts) };
  }

  it('confirms a preview, replacing it with the logged entry and an Undo button; Undo takes it back', async () => {
    const before = (await trainingsOfScribe(t.app)).length;
    const { draftId } = await previewFor('MLN course "Confirm Me Course" 60 min yesterday');
    const confirm = await t.app.slack.interaction(blockAction('ceu_confirm', draftId));
    expect(confirm.status).toBe(200);
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    const logged = t.slack.callsTo('response_url')[0]?.body ?? {};
    expect(logged).toMatchObject({ replace_original: true });
    expect(textOf(logged)).toContain('Confirm Me Course');
    expect(await trainingsOfScribe(t.app)).toHaveLength(before + 1);
    const undo = await t.app.slack.interaction(blockAction('ceu_undo', buttonValue(logged, 'ceu_undo')));
    expect(undo.status).toBe(200);
    await waitFor(() => t.slack.callsTo('response_url').length > 1);
    expect(textOf(t.slack.callsTo('response_url')[1]?.body ?? {})).toMatch(/undone|no longer logged/i);
    expect(await trainingsOfScribe(t.app)).toHaveLength(before);
  });

  it('opens the modal filled with the preview when Edit is pressed', async () => {
    const { draftId } = await previewFor('MLN webinar "Edit Me Webinar" 50 min yesterday');
    await t.app.slack.interaction(blockAction('ceu_edit', draftId));
    await waitFor(() => t.slack.callsTo('views.open').length > 0);
    const view = textOf(t.slack.callsTo('views.open')[0]?.body ?? {});
    expect(view).toContain('Edit Me Webinar');
    expect(view).toContain('2026-11-26');
    expect(view).toContain(draftId);
  });

  it('logs from the modal, and keeps a bad submission in the modal with field errors', async () => {
    const values = (title: string, minutes: string) => ({
      title: { value: { type: 'plain_text_input', value: title } },
      completed_on: { value: { type: 'datepicker', selected_date: '2026-11-20' } },
      minutes: { value: { type: 'number_input', value: minutes } },
      kind: { value: { type: 'static_select', selected_option: { value: 'webinar', text: { type: 'plain_text', text: 'webinar' } } } },
      registered: { value: { type: 'checkboxes', selected_options: [] } },
      certificate: { value: { type: 'file_input', files: [] } },
    });
    const submission = (title: string, minutes: string) => ({
      type: 'view_submission',
      team: { id: TEAM, domain: 'clinic' },
      user: { id: USER, username: 'scribe', team_id: TEAM },
      api_app_id: 'A0RECERT',
      trigger_id: `trigger.${uniqueId('')}`,
      view: { id: uniqueId('V'), hash: uniqueId('h'), type: 'modal', callback_id: 'ceu_log_training', private_metadata: '{}', state: { values: values(title, minutes) } },
    });
    const bad = await t.app.slack.interaction(submission('x', '5000'));
    expect(bad.status).toBe(200);
    const errors = JSON.parse(bad.body) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors).sort()).toEqual(['minutes', 'title']);
    const good = await t.app.slack.interaction(submission('Modal Logged Webinar', '95'));
    expect(good.status).toBe(200);
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > 0);
    const dm = t.slack.callsTo('chat.postMessage')[0]?.body ?? {};
    expect(dm.channel).toBe(USER);
    expect(textOf(dm)).toContain('Modal Logged Webinar');
    expect(textOf(dm)).toContain('CMS06140730A');
  });

  it('handles a retried event once, even when the retry arrives while the first is running', async () => {
    const envelope = eventEnvelope(dmMessage('MLN course "Retried Course" 30 min yesterday'));
    const [first, retry] = await Promise.all([
      t.app.slack.event(envelope),
      t.app.slack.event(envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
    ]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.slack.callsTo('chat.postMessage').filter((c) => textOf(c.body).includes('Retried Course'))).toHaveLength(1);
  });

  it('confirms once when the same button press is delivered twice', async () => {
    const before = (await trainingsOfScribe(t.app)).length;
    const { draftId } = await previewFor('MLN course "Double Press Course" 30 min yesterday');
    const press = blockAction('ceu_confirm', draftId);
    await Promise.all([t.app.slack.interaction(press), t.app.slack.interaction(press)]);
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.slack.callsTo('response_url')).toHaveLength(1);
    expect(await trainingsOfScribe(t.app)).toHaveLength(before + 1);
  });

  it('publishes App Home with progress when the home tab opens', async () => {
    await t.app.slack.event(eventEnvelope({ type: 'app_home_opened', user: USER, channel: DM, tab: 'home', event_ts: '1700000000.1' }));
    await waitFor(() => t.slack.callsTo('views.publish').length > 0);
    const published = t.slack.callsTo('views.publish')[0]?.body ?? {};
    expect(published.user_id).toBe(USER);
    expect(textOf(published)).toContain('ceu_home_log');
    expect(textOf(published)).toMatch(/of 3 CE/);
  });
});
