import { describe, expect, it } from 'vitest';
import { actionData, cardAction, cardText, messageActivity, postActivity, useTestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

/** Issue 6, item 8 on Teams: a NUL typed in a message or the log form is refused in words, and nothing is stored. */
const database = useTestDatabase();
const NUL = '\u0000';

async function countIn(table: 'drafts' | 'trainings'): Promise<number> {
  const db = database.current.db;
  const orgs = (await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').execute()).map((o) => o.id);
  if (!orgs.length) return 0;
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('organisation_id', 'in', orgs).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('Teams: a NUL character gets a clear answer and changes nothing (POST /api/messages)', () => {
  const t = useTestTeams(database);

  it('answers a personal-chat message with a NUL in the title with what is wrong, storing no draft', async () => {
    const who = { aad: 'aad-nul-chat', name: 'Nora Nul' };
    await postActivity(t.teams.port, messageActivity('status', who));
    const drafts = await countIn('drafts');
    const before = t.sent.length;
    const result = await postActivity(t.teams.port, messageActivity(`log "Nul${NUL} Course" 30 min yesterday`, who));
    expect(result.status).toBe(200);
    const answer = t.sent.slice(before).map((s) => cardText(s.body.attachments?.[0]?.content)).join(' ');
    expect(answer).toContain('control character');
    expect(answer).toContain('U+0000');
    expect(answer).not.toMatch(/went wrong/i);
    expect(await countIn('drafts')).toBe(drafts);
  });

  it('shows the log form again with the error under the title when it holds a NUL; nothing is stored', async () => {
    const who = { aad: 'aad-nul-form', name: 'Fern Form' };
    await postActivity(t.teams.port, messageActivity('log', who));
    const [drafts, trainings] = [await countIn('drafts'), await countIn('trainings')];
    const submit = { ...actionData(t.sent.at(-1), 'log-form-submit'), title: `Form${NUL} Course`, completedOn: '2026-11-20', minutes: '30', kind: 'webinar' };
    const result = await postActivity(t.teams.port, cardAction(submit, who));
    expect(result.status).toBe(200);
    const answer = JSON.parse(result.body) as { value: { body: Record<string, unknown>[] } };
    expect(cardText(answer.value)).toContain('control character');
    expect(cardText(answer.value)).not.toMatch(/went wrong/i);
    expect(await countIn('drafts')).toBe(drafts);
    expect(await countIn('trainings')).toBe(trainings);
  });

  it('greets a person whose Teams display name holds a control character by the name without it', async () => {
    const who = { aad: 'aad-nul-name', name: `Nel${NUL}la\u0007 Name` };
    const before = t.sent.length;
    const result = await postActivity(t.teams.port, messageActivity('status', who));
    expect(result.status).toBe(200);
    const answer = t.sent.slice(before).map((s) => cardText(s.body.attachments?.[0]?.content)).join(' ');
    expect(answer).not.toMatch(/went wrong/i);
    expect(answer).toContain('Nella Name');
  });
});
