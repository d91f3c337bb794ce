import { describe, expect, it } from 'vitest';
import { cardAction, cardText, messageActivity, postActivity, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

interface Card {
  readonly actions?: { title: string; verb: string; data: Record<string, unknown> }[];
}

async function registeredOf(title: string): Promise<(boolean | null)[]> {
  const rows = await database.current.db.selectFrom('trainings').innerJoin('organisations', 'organisations.id', 'trainings.organisation_id').select('trainings.registered').where('organisations.platform', '=', 'teams').where('trainings.title', '=', title).execute();
  return rows.map((r) => r.registered);
}

/** A National Provider Call needs an answer about MLN registration: its preview card has two ways to confirm. */
describe('Teams: a call\'s preview, "Confirm — I registered" and "Not registered" (POST /api/messages)', () => {
  const t = useTestTeams(database);

  async function preview(who: Who, title: string): Promise<Card> {
    await postActivity(t.teams.port, messageActivity(`log "${title}" npc 60 min yesterday`, who));
    const card = t.sent.map((s) => s.body.attachments?.[0]?.content as Card | undefined).find((c) => cardText(c).includes(title));
    if (!card) throw new Error('no preview card');
    return card;
  }

  const press = async (who: Who, card: Card, verb: string): Promise<string> => {
    const data = card.actions?.find((a) => a.verb === `recert.${verb}`)?.data ?? {};
    return cardText((JSON.parse((await postActivity(t.teams.port, cardAction(data, who))).body) as { value: unknown }).value);
  };

  it('offers both answers, and each is recorded as pressed', async () => {
    const who = { aad: 'aad-caller', name: 'Cal Caller' };
    const first = await preview(who, 'NPC Medicare Part B Updates');
    expect(first.actions?.map((a) => a.title)).toEqual(expect.arrayContaining(['Confirm — I registered', 'Not registered']));
    expect(await press(who, first, 'confirm-unregistered')).toContain('NPC Medicare Part B Updates');
    expect(await registeredOf('NPC Medicare Part B Updates')).toEqual([false]);
    const second = await preview(who, 'NPC Quality Payment Program');
    expect(await press(who, second, 'confirm')).toContain('NPC Quality Payment Program');
    expect(await registeredOf('NPC Quality Payment Program')).toEqual([true]);
  });
});
