import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buttonValue, textOf, useTestSlack, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, TEAM } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Issue 10: the questions the bot asks instead of storing — a fee amount that differs from the
 * credential's, a certificate number someone else holds — offer their answers as buttons, through
 * Slack's signed entry points. A button stores exactly what was asked about, once, however often it
 * is pressed (pressed twice at once, several rounds).
 */
const database = useTestDatabase();
const ROUNDS = 4;

async function count(app: TestSlack, query: 'fees' | 'credentials', user: string): Promise<number> {
  const table = query === 'fees' ? sql`fee_payments` : sql`credentials`;
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from ${table} x join people p on p.id = x.person_id and p.organisation_id = x.organisation_id
    join organisations o on o.id = x.organisation_id
    where o.platform = 'slack' and o.external_id = ${TEAM} and p.platform_user_id = ${user} and x.deleted_at is null`.execute(app.deps.db);
  return Number(rows[0]?.n ?? 0);
}

describe('Slack: the buttons of issue 10’s questions', () => {
  const t = useTestSlack(database);
  const responses = () => t.slack.callsTo('response_url');

  /** `/ceu <text>` as `user`; the answer that contains `needle`. */
  async function command(user: string, text: string, needle: string): Promise<Record<string, unknown>> {
    const before = responses().length;
    await t.app.slack.command(commandFields(text, { user_id: user }));
    await waitFor(() => responses().slice(before).some((c) => textOf(c.body).includes(needle)));
    return responses().slice(before).find((c) => textOf(c.body).includes(needle))?.body ?? {};
  }

  /** Press a button as `user`, twice at once; both answers. */
  async function pressTwice(user: string, actionId: string, value: string): Promise<string[]> {
    const before = responses().length;
    const press = () => t.app.slack.interaction(blockAction(actionId, value, { user: { id: user, username: user, team_id: TEAM } }));
    const acks = await Promise.all([press(), press()]);
    expect(acks.map((a) => a.status)).toEqual([200, 200]);
    await waitFor(() => responses().length >= before + 2);
    return responses().slice(before).map((c) => textOf(c.body));
  }

  it('"Record $80 anyway" records the asked payment once, even pressed twice at once; status shows it', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const user = `U0FEE${round}`;
      await command(user, `cert CMSS-81${round}00 issued 2026-01-15`, 'CMSS-81');
      const question = await command(user, 'fee paid $80 on 2026-11-20', 'underpaid, or a typo');
      expect(textOf(question)).toContain('Record $80 anyway');
      expect(textOf(question)).toContain('Fix the amount');
      expect(await count(t.app, 'fees', user)).toBe(0);
      const answers = await pressTwice(user, 'ceu_fee_anyway', buttonValue(question, 'ceu_fee_anyway'));
      expect(answers.every((a) => a.includes('Recorded the renewal fee: $80') && a.includes('Nov 20, 2026'))).toBe(true);
      expect(await count(t.app, 'fees', user)).toBe(1);
    }
    const status = await command('U0FEE0', 'status', 'Renewal fee');
    expect(textOf(status)).toContain('paid $80 on Nov 20, 2026');
  }, 90_000);

  it('"Fix the amount" stores nothing and says how to type the fee', async () => {
    await command('U0FIX', 'cert CMSS-82000 issued 2026-01-15', 'CMSS-82000');
    const question = await command('U0FIX', 'fee paid $850', 'underpaid, or a typo');
    const [answer] = await pressTwice('U0FIX', 'ceu_fix_typed', buttonValue(question, 'ceu_fix_typed'));
    expect(answer).toContain('fee paid');
    expect(await count(t.app, 'fees', 'U0FIX')).toBe(0);
  });

  it('"Save … anyway" saves a number someone else holds once, even pressed twice at once', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const number = `CMSS-83${round}00`;
      await command(`U0HOLDER${round}`, `cert ${number} issued 2026-01-15`, number);
      const question = await command(`U0COPY${round}`, `cert ${number} issued March 10, 2026`, 'Someone else here already has');
      expect(textOf(question)).toContain(`Save ${number} anyway`);
      expect(await count(t.app, 'credentials', `U0COPY${round}`)).toBe(0);
      const answers = await pressTwice(`U0COPY${round}`, 'ceu_cert_anyway', buttonValue(question, 'ceu_cert_anyway'));
      expect(answers.every((a) => a.includes(number) && a.includes('issued Mar 10, 2026'))).toBe(true);
      expect(await count(t.app, 'credentials', `U0COPY${round}`)).toBe(1);
    }
  }, 90_000);

  it('a forged button value is refused with a clear answer and stores nothing', async () => {
    await command('U0FORGE', 'cert CMSS-84000 issued 2026-01-15', 'CMSS-84000');
    const [answer] = await pressTwice('U0FORGE', 'ceu_fee_anyway', '{"amountCents":"lots"}');
    expect(answer).toContain('That fee amount looks wrong');
    expect(await count(t.app, 'fees', 'U0FORGE')).toBe(0);
  });
});
