import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { testDeps } from '../builders/deps.ts';
import { QueryRecorder, type RecordedQuery } from '../fakes/query-recorder.ts';
import { newcomer, walkRequestPath } from '../support/request-path.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const DATA_QUERIES = new Set(['SelectQueryNode', 'InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

/**
 * Queries allowed to scan a whole table, each with its reason: `sql` must equal the query's text.
 * There are none on the request path; a query added here must say why an index cannot serve it.
 */
const MAY_SCAN: readonly { readonly sql: string; readonly why: string }[] = [];

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const here = node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : [];
  return [...here, ...(node.Plans ?? []).flatMap(seqScans)];
}

/**
 * The plan of each query, with sequential scans disabled: the planner then still picks a Seq Scan
 * only where no index can serve the query, so even on a tiny test table a missing index shows.
 * EXPLAIN without ANALYZE plans a statement without running it, so inserts and updates change nothing.
 */
async function plansOf(db: Db, queries: readonly RecordedQuery[]): Promise<{ query: RecordedQuery; scans: string[] }[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plans: { query: RecordedQuery; scans: string[] }[] = [];
    for (const query of queries) {
      const result = await trx.executeQuery<{ 'QUERY PLAN': readonly { Plan: PlanNode }[] }>(CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]));
      const plan = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
      if (!plan) throw new Error(`no plan for ${query.sql}`);
      plans.push({ query, scans: seqScans(plan) });
    }
    return plans;
  });
}

describe('query plans on the request path', () => {
  it('serve every query of a scribe’s requests from an index', async () => {
    const recorder = new QueryRecorder();
    const deps = testDeps(database.current.db.withPlugin(recorder), '2026-11-27T15:00:00Z');
    const tick = (): void => deps.clock.advance({ seconds: 5 });
    await walkRequestPath(deps, newcomer(), tick);
    // A second person in the same database, so that nothing is planned on empty tables only.
    await walkRequestPath(deps, newcomer(), tick);
    const data = recorder.queries.filter((q) => DATA_QUERIES.has(q.kind));
    const distinct = [...new Map(data.map((q) => [q.sql, q])).values()];
    expect(distinct.length).toBeGreaterThan(20);

    const plans = await plansOf(database.current.db, distinct);
    const scanning = plans.filter((p) => p.scans.length > 0 && !MAY_SCAN.some((allowed) => allowed.sql === p.query.sql));
    expect(scanning.map((p) => ({ sql: p.query.sql, seqScans: p.scans }))).toEqual([]);
  }, 90_000); // about 40 requests, each planned: seconds on a quiet machine, more under load

  it('would notice a query no index serves', async () => {
    const query: RecordedQuery = { kind: 'SelectQueryNode', sql: 'select id from fee_payments where reference = $1', parameters: ['INV-1'] };
    const [plan] = await plansOf(database.current.db, [query]);
    expect(plan?.scans).toEqual(['fee_payments']);
  });
});
