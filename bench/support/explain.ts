import { CompiledQuery } from 'kysely';
import type { Db } from '../../src/db/connection.ts';
import type { RecordedQuery } from '../../test/fakes/query-recorder.ts';

/** The lines of a plan worth quoting: scans (with their relation and index; an index-only scan's heap fetches), joins, sorts, timings. */
const KEY_LINE = /Scan|Join|Sort|Aggregate|Hash|CTE|WindowAgg|Nested Loop|Execution Time|Planning Time|Buffers: shared|Heap Fetches/;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each distinct SELECT the report sent (writes are not run again),
 * printing the key lines; returns how many plans scan `trainings` sequentially.
 */
export async function explainAll(db: Db, queries: readonly RecordedQuery[]): Promise<{ trainings: number }> {
  const selects = [...new Map(queries.filter((q) => q.kind === 'SelectQueryNode' || (q.kind === 'RawNode' && /^\s*(select|with)\b/i.test(q.sql))).map((q) => [q.sql, q])).values()];
  let trainings = 0;
  for (const query of selects) {
    const result = await db.withoutPlugins().executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]));
    const lines = result.rows.map((r) => r['QUERY PLAN']);
    if (lines.some((l) => /Seq Scan on trainings\b/.test(l))) trainings += 1;
    console.log(`\n-- ${query.sql.slice(0, 160)}${query.sql.length > 160 ? '…' : ''}`);
    for (const line of lines.filter((l) => KEY_LINE.test(l))) console.log(line);
  }
  return { trainings };
}
