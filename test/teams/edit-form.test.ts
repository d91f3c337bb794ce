import { describe, expect, it } from 'vitest';
import { actionData, cardAction, cardText, messageActivity, postActivity, TENANT, uniqueId, useTestTeams, type Who } from '../support/teams/harness.ts';
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

const inputOf = (card: Card | undefined, id: string): Record<string, unknown> | undefined => card?.body.find((e) => e.id === id);

/** The entries of that title in the test tenant (scoped, as the tenant guard wants). */
async function entriesTitled(title: string): Promise<{ seq: number; minutes: number; kind: string }[]> {
  const db = database.current.db;
  const org = await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').where('external_id', '=', TENANT).executeTakeFirstOrThrow();
  return db.selectFrom('trainings').select(['seq', 'minutes', 'kind']).where('organisation_id', '=', org.id).where('title', '=', title).where('deleted_at', 'is', null).execute();
}

describe('Edit on a Teams preview: the "Log a training" form filled with the draft; submitting it logs that draft once (POST /api/messages)', () => {
  const t = useTestTeams(database);

  async function invoke(data: Record<string, unknown>, who: Who): Promise<InvokeAnswer> {
    const result = await postActivity(t.teams.port, cardAction(data, who));
    expect(result.status).toBe(200);
    return JSON.parse(result.body) as InvokeAnswer;
  }

  /** A typed training's preview card: its Confirm and Edit data. */
  async function previewed(who: Who, typed: string): Promise<{ confirm: Record<string, unknown>; edit: Record<string, unknown> }> {
    await postActivity(t.teams.port, messageActivity(typed, who));
    const preview = t.sent.at(-1);
    return { confirm: actionData(preview, 'confirm'), edit: actionData(preview, 'edit-draft') };
  }

  /** Submit data of an edit form, with these inputs and a fresh nonce (a second press of the same card's button). */
  const submitOf = (form: Card, inputs: Record<string, unknown>) => ({ ...(form.actions?.[0]?.data ?? {}), nonce: uniqueId('nonce'), ...inputs });

  it('Edit answers with the form card in place, prefilled with the title, date, minutes and kind; the submit names the draft', async () => {
    const who = { aad: 'aad-edit-prefill', name: 'Pru Prefill' };
    const { edit } = await previewed(who, 'log "Prefilled Coding Course" webinar 45 min yesterday');
    const answer = await invoke(edit, who);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const form = answer.value;
    expect(cardText(form)).toContain('Edit the training');
    expect(inputOf(form, 'title')).toMatchObject({ type: 'Input.Text', value: 'Prefilled Coding Course' });
    expect(inputOf(form, 'completedOn')).toMatchObject({ type: 'Input.Date', value: '2026-11-26', max: '2026-11-27' });
    expect(inputOf(form, 'minutes')).toMatchObject({ type: 'Input.Number', value: 45 });
    expect(inputOf(form, 'kind')).toMatchObject({ type: 'Input.ChoiceSet', value: 'webinar' });
    expect(inputOf(form, 'registered')).toMatchObject({ type: 'Input.Toggle', value: 'false' });
    expect(form.actions?.[0]).toMatchObject({ verb: 'recert.log-form-submit', title: 'Log it', data: { ids: { draftId: (edit.ids as { draftId: string }).draftId } } });
    // Nothing is logged by opening the form.
    expect(await entriesTitled('Prefilled Coding Course')).toHaveLength(0);
  });

  it('submitting logs the edited values as that draft\'s entry; a second submit and the preview\'s Confirm say "Already logged as entry #N"', async () => {
    const who = { aad: 'aad-edit-submit', name: 'Sam Submit' };
    const { confirm, edit } = await previewed(who, 'log "Draft Title Before" webinar 45 min yesterday');
    const form = (await invoke(edit, who)).value;
    const inputs = { title: 'Edited Billing Course', completedOn: '2026-11-20', minutes: '90', kind: 'wbt', registered: 'false' };
    const logged = cardText((await invoke(submitOf(form, inputs), who)).value);
    const seq = /Logged entry #(\d+)/.exec(logged)?.[1];
    expect(seq).toBeDefined();
    expect(logged).toContain('Edited Billing Course');
    expect(await entriesTitled('Edited Billing Course')).toEqual([{ seq: Number(seq), minutes: 90, kind: 'wbt' }]);
    expect(await entriesTitled('Draft Title Before')).toHaveLength(0);
    expect(cardText((await invoke(submitOf(form, inputs), who)).value)).toContain(`Already logged as entry #${seq}`);
    expect(cardText((await invoke(confirm, who)).value)).toContain(`Already logged as entry #${seq}`);
    expect(await entriesTitled('Edited Billing Course')).toHaveLength(1);
    // Edit pressed again on the logged preview: it says so, and offers no form.
    expect(cardText((await invoke({ ...edit, nonce: uniqueId('nonce') }, who)).value)).toMatch(/already logged/i);
  });

  it('a call\'s Edit prefills "I registered" (as Confirm reads an unanswered question); unticked, the entry is logged as not registered', async () => {
    const who = { aad: 'aad-edit-npc', name: 'Nia Npc' };
    const { edit } = await previewed(who, 'log "MLN National Provider Call: Edit Registration" npc 60 min yesterday');
    const form = (await invoke(edit, who)).value;
    expect(inputOf(form, 'kind')).toMatchObject({ value: 'npc' });
    expect(inputOf(form, 'registered')).toMatchObject({ type: 'Input.Toggle', value: 'true', valueOn: 'true', valueOff: 'false' });
    const inputs = { title: 'MLN National Provider Call: Edit Registration', completedOn: '2026-11-26', minutes: '60', kind: 'npc', registered: 'false' };
    const logged = cardText((await invoke(submitOf(form, inputs), who)).value);
    expect(logged).toMatch(/Logged entry #\d+/);
    const db = database.current.db;
    const org = await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').where('external_id', '=', TENANT).executeTakeFirstOrThrow();
    const row = await db.selectFrom('trainings').select(['registered']).where('organisation_id', '=', org.id).where('title', '=', inputs.title).executeTakeFirstOrThrow();
    expect(row.registered).toBe(false);
  });

  it('a bad field shows the form again (still for that draft) and logs nothing; another person\'s Edit finds no draft', async () => {
    const who = { aad: 'aad-edit-bad', name: 'Bea Bad' };
    const { edit } = await previewed(who, 'log "Bad Edit Course" webinar 45 min yesterday');
    const form = (await invoke(edit, who)).value;
    const again = (await invoke(submitOf(form, { title: 'Bad Edit Course', completedOn: '2026-12-25', minutes: '45', kind: 'webinar' }), who)).value;
    expect(inputOf(again, 'completedOn')).toHaveProperty('errorMessage');
    expect(again.actions?.[0]?.data).toMatchObject({ ids: { draftId: (edit.ids as { draftId: string }).draftId } });
    expect(await entriesTitled('Bad Edit Course')).toHaveLength(0);
    const stranger = cardText((await invoke({ ...edit, nonce: uniqueId('nonce') }, { aad: 'aad-edit-stranger', name: 'Stan Stranger' })).value);
    expect(stranger).not.toContain('Bad Edit Course');
    expect(inputOf(again, 'title')).toMatchObject({ value: 'Bad Edit Course' });
  });

  it('the form\'s submit and the preview\'s Confirm at once: one entry, one "Logged", one "Already logged as entry #N" (20 runs)', async () => {
    const who = { aad: 'aad-edit-race', name: 'Rae Race' };
    for (let run = 0; run < 20; run += 1) {
      const title = `Race Course ${run}`;
      const { confirm, edit } = await previewed(who, `log "${title}" webinar 45 min yesterday`);
      const form = (await invoke(edit, who)).value;
      const submit = submitOf(form, { title, completedOn: '2026-11-26', minutes: '60', kind: 'webinar', registered: 'false' });
      const answers = (await Promise.all([invoke(submit, who), invoke(confirm, who)])).map((a) => cardText(a.value));
      const entries = await entriesTitled(title);
      expect(entries).toHaveLength(1);
      const seq = entries[0]?.seq;
      expect(answers.filter((a) => a.includes(`Logged entry #${seq}`))).toHaveLength(1);
      expect(answers.filter((a) => a.includes(`Already logged as entry #${seq}`))).toHaveLength(1);
    }
  }, 120_000);
});
