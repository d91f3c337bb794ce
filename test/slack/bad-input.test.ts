import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { textOf, useTestSlack, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields, dmMessage, eventEnvelope, TEAM, uniqueId, USER } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const NUL = '\u0000';

/** Rows the Slack workspace's organisation holds in the tables a typed text could reach. */
async function stored(app: TestSlack): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['trainings', 'drafts', 'fee_payments', 'credentials', 'audit_events'] as const) {
    const result = await sql<{ n: string }>`
      select count(*) as n from ${sql.table(table)} t join organisations o on o.id = t.organisation_id
      where o.platform = 'slack' and o.external_id = ${TEAM}`.execute(app.deps.db);
    counts[table] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

function submission(values: unknown): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'clinic' },
    user: { id: USER, username: 'scribe', team_id: TEAM },
    api_app_id: 'A0RECERT',
    trigger_id: `trigger.${uniqueId('')}`,
    view: { id: uniqueId('V'), hash: uniqueId('h'), type: 'modal', callback_id: 'ceu_log_training', private_metadata: '{}', state: { values } },
  };
}

const formValues = (title: string) => ({
  title: { value: { type: 'plain_text_input', value: title } },
  completed_on: { value: { type: 'datepicker', selected_date: '2026-11-20' } },
  minutes: { value: { type: 'number_input', value: '45' } },
  kind: { value: { type: 'static_select', selected_option: { value: 'webinar', text: { type: 'plain_text', text: 'webinar' } } } },
  registered: { value: { type: 'checkboxes', selected_options: [] } },
  certificate: { value: { type: 'file_input', files: [] } },
});

describe('Slack: bad input gets a clear answer and changes nothing', () => {
  const t = useTestSlack(database);

  it('answers a NUL in a slash command (%00) with what is wrong, not "something went wrong"', async () => {
    await t.app.slack.command(commandFields('status'));
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    const before = await stored(t.app);
    const fields = commandFields(`log "Tele${NUL}health Billing" webinar 45 min yesterday`);
    expect(new URLSearchParams(fields).toString()).toContain('%00');
    const posts = t.slack.callsTo('response_url').length;
    expect((await t.app.slack.command(fields)).status).toBe(200);
    await waitFor(() => t.slack.callsTo('response_url').length > posts);
    const reply = String(t.slack.callsTo('response_url').at(-1)?.body.text);
    expect(reply).toContain('Your message contains an invisible control character (U+0000, character 10), which I can\'t store.');
    expect(reply).not.toMatch(/went wrong/i);
    expect(await stored(t.app)).toEqual(before);
  });

  it('answers a NUL in a DM (\\u0000) in its thread, storing nothing', async () => {
    await t.app.slack.command(commandFields('status'));
    await waitFor(() => t.slack.callsTo('response_url').length > 0);
    const before = await stored(t.app);
    const message = dmMessage(`finished the MLN webinar "Coding${NUL}" 45 min yesterday`);
    await t.app.slack.event(eventEnvelope(message));
    await waitFor(() => t.slack.callsTo('chat.postMessage').length > 0);
    const reply = t.slack.callsTo('chat.postMessage').at(-1)?.body ?? {};
    expect(reply).toMatchObject({ thread_ts: message.ts });
    expect(String(reply.text)).toContain('invisible control character (U+0000');
    expect(await stored(t.app)).toEqual(before);
  });

  it('keeps a modal with a NUL in its title open, with the error under the title', async () => {
    const response = await t.app.slack.interaction(submission(formValues(`Modal${NUL}Title`)));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      response_action: 'errors',
      errors: { title: 'This contains an invisible control character (text pasted from a PDF often does). Type it again without it.' },
    });
  });

  it('refuses a modal training from 1990, as chat does', async () => {
    const values = { ...formValues('Old Training Course'), completed_on: { value: { type: 'datepicker', selected_date: '1990-06-01' } } };
    const response = await t.app.slack.interaction(submission(values));
    expect(JSON.parse(response.body)).toEqual({ response_action: 'errors', errors: { completed_on: 'That date is too far back.' } });
  });

  it.each([
    ['no values', null],
    ['values that are not blocks', { title: 'x' }],
    ['a number where Slack sends text', { ...formValues('Shape Course'), minutes: { value: { type: 'number_input', value: 45 } } }],
    ['no blocks', {}],
  ])('acknowledges a submission with %s at once, with errors, and logs nothing', async (_name, values) => {
    const before = await stored(t.app);
    const started = Date.now();
    const response = await t.app.slack.interaction(submission(values));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(await stored(t.app)).toEqual(before);
  });

  it('refuses a fee reference over 100 characters instead of cutting it', async () => {
    await t.app.slack.command(commandFields('cert CMSS-5005 issued 2026-06-01'));
    await waitFor(() => t.slack.callsTo('response_url').some((c) => textOf(c.body).includes('CMSS-5005')));
    const before = await stored(t.app);
    const posts = t.slack.callsTo('response_url').length;
    await t.app.slack.command(commandFields(`fee paid ref ${'R'.repeat(120)}`));
    await waitFor(() => t.slack.callsTo('response_url').length > posts);
    expect(String(t.slack.callsTo('response_url').at(-1)?.body.text)).toContain('A fee reference can be 100 characters at most (that one has 120).');
    expect(await stored(t.app)).toEqual(before);
  });
});
