import nock from 'nock';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_STORED_TEXT } from '../../adapters/slack/inbound/accept.ts';
import type { Db } from '../../src/db/connection.ts';
import { interceptSlack, startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields, dmMessage, eventEnvelope } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * What Slack is told "200" for is stored first. When the delivery cannot be stored, Slack hears so:
 * an event gets a 500 (Slack sends it again later), a command says at once that nothing was done.
 */
const database = useTestDatabase();

/** A database whose every query fails, as one does whose server is down. */
const downDb = new Proxy({}, { get: () => { throw new Error('connection refused (simulated)'); } }) as Db;

describe('Slack: acknowledged means stored', () => {
  let app: TestSlack;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    app = await startTestSlack(database.current.db, {}, { ingress: downDb });
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('answers an event it could not store with a 500, so that Slack resends it', async () => {
    interceptSlack();
    const response = await app.slack.event(eventEnvelope(dmMessage('status')));
    expect(response.status).toBe(500);
  });

  it('tells the person at once when a command could not be stored, and stores nothing', async () => {
    const fields = commandFields('log "Never Stored" 45 min yesterday');
    const response = await app.slack.command(fields);
    expect(response.status).toBe(200);
    expect(response.body).toContain(NOT_STORED_TEXT.slice(0, 30));
    const stored = await sql<{ n: string }>`select count(*) as n from inbound_deliveries where delivery_id = ${`trigger:${fields.trigger_id}`}`.execute(database.current.db);
    expect(Number(stored.rows[0]?.n)).toBe(0);
  });
});

describe('Slack: a stored delivery is processed again after a crash', () => {
  it('answers, once, a delivery a killed process acknowledged but never processed', async () => {
    // What a process killed right after its ack leaves behind: a pending row (the drill in
    // test/drills kills real processes; this is the same state, made directly).
    const recorded = interceptSlack();
    const again = await startTestSlack(database.current.db);
    const message = dmMessage('log "Survives A Crash" 45 min yesterday');
    await sql`insert into inbound_deliveries (platform, delivery_id, kind, tenant_key, user_key, payload, received_at, status, available_at)
      values ('slack', ${`event:${message.ts}`}, 'message', 'T0TEST', 'U0SCRIBE', ${JSON.stringify({ kind: 'message', teamId: 'T0TEST', enterpriseId: null, isEnterpriseInstall: false, userId: 'U0SCRIBE', channel: 'D0DM', text: message.text, ts: message.ts, threadTs: null, clientMsgId: message.client_msg_id })},
      ${again.deps.clock.now().toJSDate()}, 'pending', ${again.deps.clock.now().toJSDate()})`.execute(database.current.db);
    try {
      await waitFor(() => recorded.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('Survives A Crash')));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(recorded.callsTo('chat.postMessage').filter((c) => textOf(c.body).includes('Survives A Crash'))).toHaveLength(1);
    } finally {
      await again.stop();
    }
  });
});
