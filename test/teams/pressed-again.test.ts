import { describe, expect, it } from 'vitest';
import { actionData, cardAction, cardText, messageActivity, postActivity, useTestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

/** A card's button pressed a second time (the card resent, the same nonce): a sentence saying what happened, nothing changed. */
const database = useTestDatabase();

const press = async (port: number, data: Record<string, unknown>, who: { aad: string; name: string }) => {
  const answer = JSON.parse((await postActivity(port, cardAction(data, who))).body) as { type: string; value: unknown };
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  return cardText(answer.value);
};

describe('Teams: a button pressed again on a resent card says what happened (POST /api/messages)', () => {
  const t = useTestTeams(database);

  it('Cancel pressed again says the draft was cancelled already; Confirm on it then finds no draft to log', async () => {
    const who = { aad: 'aad-again-cancel', name: 'Cass Cancel' };
    await postActivity(t.teams.port, messageActivity('log "Again Cancel Course" 30 min yesterday', who));
    const preview = t.sent.at(-1);
    const cancel = actionData(preview, 'cancel-draft');
    expect(await press(t.teams.port, cancel, who)).not.toBe('');
    expect(await press(t.teams.port, cancel, who)).toContain('You cancelled this draft already (this card was sent again), so nothing changed.');
    const confirm = actionData(preview, 'confirm');
    await press(t.teams.port, confirm, who);
    // The second Confirm on the cancelled draft still answers in words, and logs nothing.
    const again = await press(t.teams.port, confirm, who);
    expect(again.length).toBeGreaterThan(20);
    expect(again).not.toMatch(/Logged entry|went wrong/);
  });

  it('a reading button (See my status) pressed again is simply answered again', async () => {
    const who = { aad: 'aad-again-status', name: 'Stella Status' };
    await postActivity(t.teams.port, messageActivity('status', who));
    const data = { action: 'see-status', ids: {}, tenant: 'tenant-a', nonce: 'again-status-1' };
    const first = await press(t.teams.port, data, who);
    expect(await press(t.teams.port, data, who)).toBe(first);
  });

  it('Snooze pressed again snoozes nothing more and says so', async () => {
    const who = { aad: 'aad-again-snooze', name: 'Sonny Snooze' };
    await postActivity(t.teams.port, messageActivity('status', who));
    const data = { action: 'snooze', ids: { days: 3 }, tenant: 'tenant-a', nonce: 'again-snooze-1' };
    await press(t.teams.port, data, who);
    expect(await press(t.teams.port, data, who)).toContain('Your reminders were snoozed when you first pressed Snooze on this card');
  });
});
