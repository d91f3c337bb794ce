import { CompiledQuery, sql } from 'kysely';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { QueryRecorder, type RecordedQuery } from '../fakes/query-recorder.ts';
import { buttonValue, interceptSlack, startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, dmMessage, eventEnvelope } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Issue 6, item 15, from the entry point (docs/reviews/issue-6-review.md): test/db/query-plans.test.ts
 * plans the use cases' queries; this plans what the Slack adapter itself sends around them — the
 * inbox's insert, claim, lease and outcome writes, the installation and person lookups — for signed
 * commands, a DM and a Confirm click. With sequential scans off, a Seq Scan means no index serves it.
 */
const database = useTestDatabase();
const DATA_QUERIES = new Set(['SelectQueryNode', 'InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

const seqScans = (node: PlanNode): string[] => [...(node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : []), ...(node.Plans ?? []).flatMap(seqScans)];

async function scanning(db: Db, queries: readonly RecordedQuery[]): Promise<{ sql: string; seqScans: string[] }[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const found: { sql: string; seqScans: string[] }[] = [];
    for (const query of queries) {
      const result = await trx.executeQuery<{ 'QUERY PLAN': readonly { Plan: PlanNode }[] }>(CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]));
      const plan = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
      const scans = plan ? seqScans(plan) : ['(no plan)'];
      if (scans.length) found.push({ sql: query.sql, seqScans: scans });
    }
    return found;
  });
}

describe('query plans behind the Slack entry point', () => {
  const recorder = new QueryRecorder();
  let app: TestSlack;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    app = await startTestSlack(database.current.db.withPlugin(recorder));
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('serves every query of signed commands, a DM and a Confirm click from an index', async () => {
    const slack = interceptSlack();
    for (const text of ['status', 'log "Plan Check Course" 45 min yesterday', 'history']) {
      const before = slack.callsTo('response_url').length;
      await app.slack.command(commandFields(text));
      await waitFor(() => slack.callsTo('response_url').length > before);
    }
    await app.slack.event(eventEnvelope(dmMessage('log "Plan Check Webinar" webinar 30 min yesterday')));
    await waitFor(() => slack.callsTo('chat.postMessage').some((c) => textOf(c.body).includes('ceu_confirm')));
    const preview = slack.callsTo('chat.postMessage').find((c) => textOf(c.body).includes('ceu_confirm'));
    const answered = slack.callsTo('response_url').length;
    await app.slack.interaction(blockAction('ceu_confirm', buttonValue(preview?.body ?? {}, 'ceu_confirm')));
    await waitFor(() => slack.callsTo('response_url').length > answered);
    const data = recorder.queries.filter((q) => DATA_QUERIES.has(q.kind));
    const distinct = [...new Map(data.map((q) => [q.sql, q])).values()];
    expect(distinct.some((q) => q.sql.includes('inbound_deliveries'))).toBe(true);
    expect(await scanning(database.current.db, distinct)).toEqual([]);
  });
});
