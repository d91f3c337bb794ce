import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { UNREADABLE_TEXT } from '../../adapters/slack/inbound/accept.ts';
import { buttonValue, textOf, useTestSlack, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, dmMessage, eventEnvelope, TEAM, uniqueId, USER } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * The races a person can start in Slack, through the signed HTTP entry point, each run several
 * times: two Edit forms for one preview, Confirm against Edit, an Edit form against a new DM.
 * A preview becomes at most one entry, and a submitted form is never thrown away.
 */
const database = useTestDatabase();
const ROUNDS = 6;

function editForm(draftId: string, title: string, thread: { channel: string; threadTs: string }) {
  const values = {
    title: { value: { type: 'plain_text_input', value: title } },
    completed_on: { value: { type: 'datepicker', selected_date: '2026-11-20' } },
    minutes: { value: { type: 'number_input', value: '45' } },
    kind: { value: { type: 'static_select', selected_option: { value: 'webinar', text: { type: 'plain_text', text: 'webinar' } } } },
    registered: { value: { type: 'checkboxes', selected_options: [] } },
    certificate: { value: { type: 'file_input', files: [] } },
  };
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'clinic' },
    user: { id: USER, username: 'scribe', team_id: TEAM },
    api_app_id: 'A0RECERT',
    trigger_id: `trigger.${uniqueId('')}`,
    view: { id: uniqueId('V'), hash: uniqueId('h'), type: 'modal', callback_id: 'ceu_log_training', private_metadata: JSON.stringify({ draftId, ...thread }), state: { values } },
  };
}

async function entriesTitled(app: TestSlack, title: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from trainings t join organisations o on o.id = t.organisation_id
    where o.platform = 'slack' and o.external_id = ${TEAM} and t.title = ${title} and t.deleted_at is null`.execute(app.deps.db);
  return Number(rows[0]?.n ?? 0);
}

describe('Slack: a preview becomes at most one entry', () => {
  const t = useTestSlack(database);

  /** A DM preview; returns its draft id and thread. */
  async function preview(title: string): Promise<{ draftId: string; thread: { channel: string; threadTs: string } }> {
    const message = dmMessage(`log "${title}" 45 min yesterday`);
    await t.app.slack.event(eventEnvelope(message));
    await waitFor(() => t.slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes(title) && textOf(c.body).includes('ceu_confirm')));
    const posted = t.slack.callsTo('chat.postMessage').find((c) => textOf(c.body).includes(title) && textOf(c.body).includes('ceu_confirm'));
    return { draftId: buttonValue(posted?.body ?? {}, 'ceu_confirm'), thread: { channel: String(message.channel), threadTs: String(message.ts) } };
  }

  const answers = (needle: string) => [...t.slack.callsTo('chat.postMessage'), ...t.slack.callsTo('response_url')].filter((c) => textOf(c.body).includes(needle));

  it('two Edit forms submitted at once: one entry, and the second is told it is already logged', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { draftId, thread } = await preview(`Race Two Forms ${round}`);
      const edited = `Race Two Forms Edited ${round}`;
      const acks = await Promise.all([t.app.slack.interaction(editForm(draftId, edited, thread)), t.app.slack.interaction(editForm(draftId, edited, thread))]);
      expect(acks.map((a) => a.status)).toEqual([200, 200]);
      await waitFor(() => answers(edited).length >= 2);
      expect(answers(edited).filter((c) => textOf(c.body).includes('Already logged'))).toHaveLength(1);
      expect(await entriesTitled(t.app, edited)).toBe(1);
    }
  });

  it('Confirm pressed while an Edit form is submitted: one entry', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const title = `Race Confirm ${round}`;
      const { draftId, thread } = await preview(title);
      const edited = `Race Confirm Edited ${round}`;
      // Titles are bold in Slack (`*title*`), so "Race Confirm 0*" is not "Race Confirm Edited 0*".
      const about = () => [...answers(`${title}*`), ...answers(`${edited}*`)].filter((c) => /Logged entry|Already logged/.test(String(c.body.text)));
      await Promise.all([t.app.slack.interaction(blockAction('ceu_confirm', draftId)), t.app.slack.interaction(editForm(draftId, edited, thread))]);
      await waitFor(() => about().length >= 2);
      expect(about().filter((c) => String(c.body.text).includes('Already logged'))).toHaveLength(1);
      expect((await entriesTitled(t.app, title)) + (await entriesTitled(t.app, edited))).toBe(1);
    }
  });

  it('an Edit form submitted while a new DM opens another preview is still logged', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { draftId, thread } = await preview(`Race DM ${round}`);
      const edited = `Race DM Edited ${round}`;
      await Promise.all([t.app.slack.interaction(editForm(draftId, edited, thread)), t.app.slack.event(eventEnvelope(dmMessage(`log "Race DM Newer ${round}" 30 min yesterday`)))]);
      await waitFor(() => answers(edited).some((c) => textOf(c.body).includes('Logged entry')));
      expect(await entriesTitled(t.app, edited)).toBe(1);
    }
  });
});

describe('Slack: payloads without a workspace are refused', () => {
  const t = useTestSlack(database);

  for (const [what, overrides] of [
    ['an empty team_id', { team_id: '' }],
    ['no team_id', {}],
  ] as const) {
    it(`answers a slash command with ${what} at once, and stores nothing`, async () => {
      const fields: Record<string, string> = { ...commandFields('log "No Team Course" 45 min yesterday'), ...overrides };
      if (!('team_id' in overrides)) delete fields.team_id;
      const response = await t.app.slack.command(fields);
      expect(response.status).toBe(200);
      expect(response.body).toBe(UNREADABLE_TEXT);
      const { rows } = await sql<{ n: string }>`select count(*) as n from inbound_deliveries where delivery_id = ${`trigger:${fields.trigger_id}`}`.execute(t.app.deps.db);
      expect(Number(rows[0]?.n)).toBe(0);
      const orgs = await sql<{ n: string }>`select count(*) as n from organisations where platform = 'slack' and external_id = ''`.execute(t.app.deps.db);
      expect(Number(orgs.rows[0]?.n)).toBe(0);
    });
  }
});
