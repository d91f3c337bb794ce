import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, cardAction, cardText, interceptConnector, messageActivity, postActivity, startTestTeams, type TestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

// Issue 10: the fee question's "Record $80 anyway" is a card action too, through the same core, once.
describe('Teams: the fee question’s card actions', () => {
  let teams: TestTeams;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    teams = await startTestTeams(database.current.db);
  });
  afterAll(async () => {
    await teams.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('"Record $80 anyway" records the payment once, though invoked twice (two cards, one request)', async () => {
    const sent = interceptConnector();
    const who = { aad: 'aad-fee-card', name: 'Fay Fee' };
    await postActivity(teams.port, messageActivity('cert CMSS-91000 issued 2026-01-15', who));
    await postActivity(teams.port, messageActivity('fee paid $80 on 2026-11-20', who));
    const question = sent.at(-1);
    expect(cardText(question?.body.attachments?.[0]?.content)).toContain('underpaid, or a typo');
    const data = actionData(question, 'fee-anyway');
    // The same button, pressed again from a second card (another nonce): nothing more is stored.
    const [first, second] = [await postActivity(teams.port, cardAction(data, who)), await postActivity(teams.port, cardAction({ ...data, nonce: 'another' }, who))];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body).toContain('Recorded the renewal fee: $80');
    expect(second.body).toContain('Recorded the renewal fee: $80');
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from fee_payments f join people p on p.id = f.person_id and p.organisation_id = f.organisation_id
      where p.platform_user_id = 'aad-fee-card' and f.deleted_at is null`.execute(database.current.db);
    expect(Number(rows[0]?.n)).toBe(1);
  });
});
