import { describe, expect, it } from 'vitest';
import { cardAction, cardText, messageActivity, postActivity, uniqueId, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const TENANT = 'tenant-report';
const MANAGER: Who = { tenant: TENANT, aad: 'aad-rita', name: 'Rita Lead' };
const scribe = (n: number): Who => ({ tenant: TENANT, aad: `aad-scribe-${n}`, name: `Scribe ${String(n).padStart(2, '0')}` });

interface Card {
  readonly body: Record<string, unknown>[];
  readonly actions?: { title: string; verb: string; data: Record<string, unknown> }[];
}

/**
 * The manager report in Teams: "who is out of compliance?" answers with the summary first, a
 * Details action per person and page actions (15 people a page); each action is an Action.Execute
 * the adapter answers with the next card. The core checks the role on every path, buttons included.
 */
describe('Teams: the manager report, its pages and Details (POST /api/messages)', () => {
  const t = useTestTeams(database);

  const lastCard = (): Card => t.sent.at(-1)?.body.attachments?.[0]?.content as unknown as Card;
  const press = async (who: Who, data: Record<string, unknown>): Promise<Card> => {
    const answer = JSON.parse((await postActivity(t.teams.port, cardAction(data, who))).body) as { type: string; value: Card };
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    return answer.value;
  };
  const verbs = (card: Card, verb: string) => (card.actions ?? []).filter((a) => a.verb === `recert.${verb}`);

  it('summary first, Details per person, a next page; Details shows the person; a scribe is refused the report and its buttons', async () => {
    const install = { ...messageActivity('', MANAGER), id: uniqueId('inst'), type: 'installationUpdate', action: 'add', text: undefined };
    await postActivity(t.teams.port, install);
    for (let n = 1; n <= 17; n += 1) await postActivity(t.teams.port, messageActivity('status', scribe(n)));

    await postActivity(t.teams.port, messageActivity('who is out of compliance?', MANAGER));
    const report = lastCard();
    const text = cardText(report);
    // The summary comes before anyone's name.
    expect(text.indexOf('out of compliance')).toBeLessThan(text.indexOf('Scribe'));
    expect(text).toMatch(/18 out of compliance, of 18 people/);
    expect(verbs(report, 'person-details').length).toBeGreaterThan(0);
    const next = verbs(report, 'report-page')[0];
    expect(next).toBeDefined();

    const second = await press(MANAGER, next?.data ?? {});
    expect(cardText(second)).not.toEqual(text);
    expect(verbs(second, 'person-details').length).toBeGreaterThan(0);

    const details = verbs(report, 'person-details').find((a) => a.title.includes('Scribe') && !a.title.includes('Scribe 01'));
    const shown = cardText(await press(MANAGER, details?.data ?? {}));
    expect(shown).toContain(details?.title.replace(/^Details: /, '') ?? '?');
    expect(shown).toContain('CMSS');

    // A scribe: the report is refused, and so is a Details button taken from the manager's card.
    await postActivity(t.teams.port, messageActivity('who is out of compliance?', scribe(1)));
    expect(cardText(lastCard())).not.toContain('Scribe 02');
    const forged = cardText(await press(scribe(1), { ...details?.data, nonce: 'scribe-forged' }));
    expect(forged).toMatch(/Only managers and admins/);
    expect(forged).not.toContain(details?.title.replace(/^Details: /, '') ?? '?');
    expect(forged).not.toContain('CMSS (Certified');
  }, 90_000);
});
