import { describe, expect, it } from 'vitest';
import { actionData, cardAction, cardText, messageActivity, postActivity, TENANT, useTestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const CHANNEL = { conversation: { id: '19:cards@thread.tacv2', conversationType: 'channel', tenantId: TENANT }, entities: [{ type: 'mention', mentioned: { id: '28:recert-bot', name: 'Recert' }, text: '<at>Recert</at>' }] };
const BOB = { aad: 'aad-bob', name: 'Bob Colleague' };

async function trainingsTitled(title: string): Promise<number> {
  const row = await database.current.db.selectFrom('trainings').innerJoin('organisations', 'organisations.id', 'trainings.organisation_id').select((eb) => eb.fn.countAll<string>().as('n')).where('organisations.platform', '=', 'teams').where('trainings.title', '=', title).executeTakeFirstOrThrow();
  return Number(row.n);
}

const answerOf = (body: string): { type: string; value: unknown } => JSON.parse(body) as { type: string; value: unknown };

/**
 * A card posted in a channel is seen (and its buttons pressed) by everyone there. A colleague's
 * press is refused by the core (the draft is the author's), and it must not use up the button: the
 * dedupe nonce is the presser's, so the author's own press still works.
 */
describe('Teams: cards in a channel, pressed by someone else (POST /api/messages)', () => {
  const t = useTestTeams(database);

  it("a colleague's Confirm on a scribe's preview logs nothing and shows none of it; the scribe's own Confirm then logs it once", async () => {
    await postActivity(t.teams.port, messageActivity('<at>Recert</at> log "Channel Card Course" 45 min yesterday', {}, CHANNEL));
    const preview = t.sent.find((s) => cardText(s.body.attachments?.[0]?.content).includes('Channel Card Course'));
    expect(preview?.path).toContain('/v3/conversations/19:cards@thread.tacv2/activities/');
    const confirm = actionData(preview, 'confirm');

    const bobs = answerOf((await postActivity(t.teams.port, cardAction(confirm, BOB))).body);
    expect(cardText(bobs.value)).not.toContain('Channel Card Course');
    expect(await trainingsTitled('Channel Card Course')).toBe(0);

    const danas = answerOf((await postActivity(t.teams.port, cardAction(confirm))).body);
    expect(danas.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(danas.value)).toContain('Logged entry');
    expect(await trainingsTitled('Channel Card Course')).toBe(1);
    // Teams resending Dana's press (same nonce, another activity id) still changes nothing.
    expect(cardText(answerOf((await postActivity(t.teams.port, cardAction(confirm))).body).value)).toMatch(/Already logged as entry #\d+/);
    expect(await trainingsTitled('Channel Card Course')).toBe(1);
  });

  it("a colleague's Undo on a scribe's logged card undoes nothing of theirs", async () => {
    await postActivity(t.teams.port, messageActivity('<at>Recert</at> log "Channel Undo Course" 30 min yesterday', {}, CHANNEL));
    const preview = t.sent.find((s) => cardText(s.body.attachments?.[0]?.content).includes('Channel Undo Course'));
    const logged = answerOf((await postActivity(t.teams.port, cardAction(actionData(preview, 'confirm')))).body);
    const undo = (logged.value as { actions: { verb: string; data: Record<string, unknown> }[] }).actions.find((a) => a.verb === 'recert.undo')?.data ?? {};
    const bobs = answerOf((await postActivity(t.teams.port, cardAction(undo, BOB))).body);
    expect(cardText(bobs.value)).not.toContain('Channel Undo Course');
    expect(await trainingsTitled('Channel Undo Course')).toBe(1);
  });
});
