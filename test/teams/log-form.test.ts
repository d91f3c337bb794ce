import { describe, expect, it } from 'vitest';
import { actionData, cardAction, cardText, messageActivity, postActivity, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

interface Card {
  readonly body: Record<string, unknown>[];
  readonly actions?: { verb: string; data: Record<string, unknown> }[];
}

interface InvokeAnswer {
  readonly statusCode: number;
  readonly type: string;
  readonly value: Card;
}

/** Rows of a table in the Teams organisations (scoped, as the tenant guard wants). */
async function countIn(table: 'drafts' | 'trainings'): Promise<number> {
  const db = database.current.db;
  const orgs = (await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').execute()).map((o) => o.id);
  if (!orgs.length) return 0;
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('organisation_id', 'in', orgs).executeTakeFirstOrThrow();
  return Number(row.n);
}

const inputOf = (card: Card | undefined, id: string): Record<string, unknown> | undefined => card?.body.find((e) => e.id === id);

describe('the Teams "Log a training" form card (POST /api/messages, Action.Execute)', () => {
  const t = useTestTeams(database);

  async function invoke(data: Record<string, unknown>, who: Who): Promise<InvokeAnswer> {
    const result = await postActivity(t.teams.port, cardAction(data, who));
    expect(result.status).toBe(200);
    return JSON.parse(result.body) as InvokeAnswer;
  }

  /** `log` typed alone: the form card (after the welcome card on first contact). */
  async function formFor(who: Who): Promise<Card> {
    await postActivity(t.teams.port, messageActivity('log', who));
    const card = t.sent.at(-1)?.body.attachments?.[0]?.content as Card | undefined;
    if (!card) throw new Error('no form card sent');
    return card;
  }

  it('`log` alone answers with the form: title, Input.Date (today at most, in the person\'s zone), Input.Number minutes, a kind choice', async () => {
    const form = await formFor({ aad: 'aad-form-show', name: 'Fay Form' });
    expect(cardText(form)).toContain('Log a training');
    expect(inputOf(form, 'title')).toMatchObject({ type: 'Input.Text', label: 'Title' });
    expect(inputOf(form, 'completedOn')).toMatchObject({ type: 'Input.Date', value: '2026-11-27', max: '2026-11-27' });
    expect(inputOf(form, 'minutes')).toMatchObject({ type: 'Input.Number', min: 0, max: 1440 });
    const kinds = (inputOf(form, 'kind')?.choices as { value: string }[]).map((c) => c.value);
    expect(kinds).toEqual(['wbt', 'npc', 'webinar', 'event', 'other']);
    expect(form.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: 'recert.log-form-submit' });
  });

  it('a submitted form answers with the same preview card as a typed training (Confirm / Edit / Cancel); Confirm logs it', async () => {
    const who = { aad: 'aad-form-good', name: 'Gus Good' };
    const form = await formFor(who);
    const trainings = await countIn('trainings');
    const submit = { ...actionData(t.sent.at(-1), 'log-form-submit'), title: 'Form Card Coding Course', completedOn: '2026-11-20', minutes: '75', kind: 'webinar' };
    const preview = await invoke(submit, who);
    expect(preview.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(preview.value)).toContain('Form Card Coding Course');
    expect(preview.value.actions?.map((a) => a.verb)).toEqual(expect.arrayContaining(['recert.confirm', 'recert.edit-draft', 'recert.cancel-draft']));
    expect(await countIn('trainings')).toBe(trainings);
    const confirm = preview.value.actions?.find((a) => a.verb === 'recert.confirm')?.data ?? {};
    const logged = await invoke(confirm, who);
    expect(cardText(logged.value)).toContain('Form Card Coding Course');
    expect(await countIn('trainings')).toBe(trainings + 1);
    expect(form.actions).toHaveLength(1);
  });

  it('invalid input shows the card again with what was typed and a message under each bad field; nothing is stored', async () => {
    const who = { aad: 'aad-form-bad', name: 'Bo Bad' };
    await formFor(who);
    const [drafts, trainings] = [await countIn('drafts'), await countIn('trainings')];
    const submit = { ...actionData(t.sent.at(-1), 'log-form-submit'), title: 'Future Form Course', completedOn: '2026-12-25', minutes: '5000', kind: 'webinar' };
    const again = await invoke(submit, who);
    const text = cardText(again.value);
    expect(text).toContain('nothing was logged yet');
    expect(text).toContain('That date is in the future');
    expect(text).toContain('Enter the length in whole minutes, from 0 to 1440.');
    expect(inputOf(again.value, 'title')).toMatchObject({ value: 'Future Form Course' });
    expect(inputOf(again.value, 'completedOn')).toMatchObject({ value: '2026-12-25', errorMessage: expect.stringContaining('future') as unknown });
    expect(inputOf(again.value, 'minutes')).toMatchObject({ value: 5000 });
    expect(await countIn('drafts')).toBe(drafts);
    expect(await countIn('trainings')).toBe(trainings);
    // The card shown again carries a fresh nonce: fixed and t.sent again, it previews.
    const fixed = { ...actionData({ path: '', body: { attachments: [{ contentType: '', content: again.value as unknown as Record<string, unknown> }] } }, 'log-form-submit'), title: 'Future Form Course', completedOn: '2026-11-25', minutes: '50', kind: 'webinar' };
    expect(cardText((await invoke(fixed, who)).value)).toContain('Future Form Course');
  });

  it('a resent submit (same nonce) opens one draft and says the form was sent already', async () => {
    const who = { aad: 'aad-form-resend', name: 'Rae Resend' };
    await formFor(who);
    const drafts = await countIn('drafts');
    const submit = { ...actionData(t.sent.at(-1), 'log-form-submit'), title: 'Resent Form Course', completedOn: '2026-11-20', minutes: '30', kind: 'wbt' };
    await invoke(submit, who);
    const again = await invoke(submit, who);
    expect(again.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(again.value)).toContain('You sent this form already, and I answered with its preview');
    expect(await countIn('drafts')).toBe(drafts + 1);
  });

  it('the status card offers "Log a training", which turns it into the form', async () => {
    const who = { aad: 'aad-form-status', name: 'Stu Status' };
    await postActivity(t.teams.port, messageActivity('status', who));
    const log = actionData(t.sent.at(-1), 'log-training');
    const form = await invoke(log, who);
    expect(inputOf(form.value, 'completedOn')).toMatchObject({ type: 'Input.Date' });
  });
});
