import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSY_TEXT } from '../../adapters/slack/inbound/accept.ts';
import { commandFields, dmMessage, eventEnvelope } from '../support/slack/payloads.ts';
import { interceptSlack, startTestSlack, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { get, type HttpResult } from '../support/slack/signed-request.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Past its bound of requests in flight, the front door refuses an event with 503 and Retry-After
 * before it is handled (Slack sends it again), and answers a slash command (which Slack never sends
 * again) with a sentence saying nothing was saved: a refused delivery is never stored, and every
 * delivery acknowledged is stored and handled, once. The requests are held in flight by locking the
 * inbox's table, so the bound is reached without any timing.
 */
const database = useTestDatabase();
const MAX_IN_FLIGHT = 2;
let app: TestSlack;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  app = await startTestSlack(database.current.db, {}, { limits: { maxInFlight: MAX_IN_FLIGHT } });
});
afterAll(async () => {
  await app.stop();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Hold the inbox's table so that storing a delivery waits; `release` lets it go. */
async function holdInbox(): Promise<{ release(): Promise<void> }> {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = (): void => undefined;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const held = database.current.db.withoutPlugins().transaction().execute(async (trx) => {
    await sql`lock table inbound_deliveries in exclusive mode`.execute(trx);
    locked();
    await released;
  });
  await isLocked;
  return { release: async () => (release(), await held) };
}

async function stored(triggerIds: readonly string[]): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from inbound_deliveries where delivery_id = any(${triggerIds.map((id) => `trigger:${id}`)})`.execute(database.current.db.withoutPlugins());
  return Number(rows[0]?.n ?? 0);
}

describe('the front door under more requests than it holds', () => {
  it('refuses events beyond its bound with 503 and Retry-After, tells a slash command nothing was saved, stores none of them, and handles every acknowledged one once', async () => {
    const slack = interceptSlack();
    // Warm the acknowledgement pool's connections, so that holding the table is the only wait.
    await Promise.all([app.slack.command(commandFields('help')), app.slack.command(commandFields('help'))]);
    await waitFor(() => slack.callsTo('response_url').length >= 2);

    const inbox = await holdInbox();
    const held = Array.from({ length: MAX_IN_FLIGHT }, () => commandFields('status'));
    const heldAnswers = held.map((fields) => app.slack.command(fields));
    // The bound is reached when even /healthz is turned away.
    while ((await get(app.port, '/healthz')).status !== 503) await new Promise((resolve) => setTimeout(resolve, 10));
    const shed = Array.from({ length: 5 }, () => commandFields('status'));
    const shedAnswers: HttpResult[] = [];
    for (const fields of shed) shedAnswers.push(await app.slack.command(fields));
    const shedEvent = eventEnvelope(dmMessage('log "Shed course" 30 min yesterday'));
    const eventAnswer = await app.slack.event(shedEvent);
    await inbox.release();
    const acked = await Promise.all(heldAnswers);

    expect(shedAnswers.map((r) => [r.status, JSON.parse(r.body) as unknown])).toEqual(shed.map(() => [200, { response_type: 'ephemeral', text: BUSY_TEXT }]));
    expect([eventAnswer.status, eventAnswer.headers['retry-after']]).toEqual([503, '1']);
    expect(acked.map((r) => [r.status, r.body])).toEqual(held.map(() => [200, '']));
    const ids = (list: readonly Record<string, string>[]) => list.map((f) => f.trigger_id ?? '');
    expect(await stored(ids(shed))).toBe(0);
    expect(await stored(ids(held))).toBe(MAX_IN_FLIGHT);
    const { rows } = await sql<{ n: string }>`select count(*) as n from inbound_deliveries where delivery_id like ${`%${String(shedEvent.event_id)}`}`.execute(database.current.db.withoutPlugins());
    expect(Number(rows[0]?.n)).toBe(0);
    // Each acknowledged command is answered once; the refused ones never.
    const answeredTo = (fields: Record<string, string>) => slack.calls.filter((c) => c.path === `response_url${new URL(fields.response_url ?? '').pathname}`).length;
    await waitFor(() => held.every((f) => answeredTo(f) >= 1));
    expect(held.map(answeredTo)).toEqual(held.map(() => 1));
    expect(shed.map(answeredTo)).toEqual(shed.map(() => 0));
    // Below the bound again, a request is served.
    expect((await get(app.port, '/healthz')).status).toBe(200);
  });
});
