import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { UNREADABLE_TEXT } from '../../adapters/slack/inbound/accept.ts';
import { useTestSlack } from '../support/slack/harness.ts';
import { commandFields, dmMessage, eventEnvelope, uniqueId } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Issue 6, items 6 and 8 from outside (docs/reviews/issue-6-review.md): a correctly signed request
 * whose ids hold a NUL is refused as unreadable — not answered as a database outage, not a 500 that
 * Slack resends — and nothing is stored.
 */
const database = useTestDatabase();
const NUL = '\u0000';

describe('Slack: ids with a control character are refused at the edge', () => {
  const t = useTestSlack(database);
  const inboxRows = async (): Promise<number> => Number((await sql<{ n: string }>`select count(*) as n from inbound_deliveries`.execute(t.app.deps.db)).rows[0]?.n);

  it.each([
    ['team_id', { team_id: `T0${NUL}X` }],
    ['user_id', { user_id: `U0${NUL}X` }],
    ['channel_id', { channel_id: `C0${NUL}X` }],
    ['trigger_id', { trigger_id: `trigger.${NUL}${uniqueId('')}` }],
  ] as const)('answers a slash command with a NUL in %s as unreadable, storing nothing', async (_field, overrides) => {
    const before = await inboxRows();
    const response = await t.app.slack.command(commandFields('status', overrides));
    expect(response.status).toBe(200);
    expect(response.body).toBe(UNREADABLE_TEXT);
    expect(await inboxRows()).toBe(before);
  });

  it.each([
    ['the sender', eventEnvelope(dmMessage('status', { user: `U0${NUL}X` }))],
    ['the event id', eventEnvelope(dmMessage('status'), `Ev${NUL}${uniqueId('')}`)],
  ] as const)('acknowledges a DM event with a NUL in %s without storing it or answering 500', async (_what, envelope) => {
    const before = await inboxRows();
    const response = await t.app.slack.event(envelope);
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await inboxRows()).toBe(before);
    expect(t.slack.calls).toEqual([]);
  });
});
