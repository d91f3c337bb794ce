/**
 * What the tenant guard costs per query: the queries of a scribe's whole request path (captured
 * from a real run), each passed through `TenantGuardPlugin.transformQuery`, against a no-op plugin
 * and against compiling the same query to SQL, in the same run. `npm run bench:guard`.
 *
 * Kysely builds a new operation tree for every query, so each captured tree is used as it came;
 * nothing here reuses work across queries that the app could not.
 */
import { PostgresQueryCompiler, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { DateTime } from 'luxon';
import { TenantGuardPlugin } from '../src/db/tenant-guard.ts';
import { silentLogger } from '../src/log.ts';
import type { CoreDeps } from '../src/use-cases/deps.ts';
import { newcomer, walkRequestPath } from '../test/support/request-path.ts';
import { benchDatabase } from './database.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

class NoopPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class Capture extends NoopPlugin {
  readonly queries: PluginTransformQueryArgs[] = [];
  override transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push(args);
    return args.node;
  }
}

async function captureRequestPath(): Promise<PluginTransformQueryArgs[]> {
  const database = await benchDatabase();
  const capture = new Capture();
  let now = DateTime.fromISO('2026-11-27T15:00:00Z', { zone: 'utc' });
  const deps: CoreDeps = { db: database.db.withPlugin(capture), clock: { now: () => now }, log: silentLogger };
  for (let i = 0; i < 3; i += 1) await walkRequestPath(deps, newcomer(), () => (now = now.plus({ seconds: 5 })));
  await database.close();
  return capture.queries;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Row {
  readonly name: string;
  readonly run: (args: PluginTransformQueryArgs) => unknown;
  readonly nsPerQuery: number[];
}

function slice(row: Row, queries: readonly PluginTransformQueryArgs[], ms: number): void {
  let count = 0;
  const start = cpuMs();
  while (cpuMs() - start < ms) {
    for (const args of queries) row.run(args);
    count += queries.length;
  }
  row.nsPerQuery.push(((cpuMs() - start) * 1e6) / count);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const queries = await captureRequestPath();
const guard = new TenantGuardPlugin();
const noop = new NoopPlugin();
const compiler = new PostgresQueryCompiler();
const rows: Row[] = [
  { name: 'no-op plugin', run: (args) => noop.transformQuery(args), nsPerQuery: [] },
  { name: 'TenantGuardPlugin', run: (args) => guard.transformQuery(args), nsPerQuery: [] },
  { name: 'compiling the query to SQL (for scale)', run: (args) => compiler.compileQuery(args.node, args.queryId), nsPerQuery: [] },
];
for (const row of rows) for (let i = 0; i < 50; i += 1) for (const args of queries) row.run(args); // warm up the JIT
for (let round = 0; round < ROUNDS; round += 1) for (const row of rows) slice(row, queries, (SECONDS * 1000) / ROUNDS);

const noopNs = median(rows[0]?.nsPerQuery ?? []);
console.log(`Node ${process.version}, ${queries.length} queries from 3 walks of the request path, median of ${ROUNDS} interleaved rounds, ${SECONDS} s of CPU time per row`);
console.log('| what | ns per query | over the no-op plugin |\n|---|---|---|');
for (const row of rows) {
  const ns = median(row.nsPerQuery);
  console.log(`| ${row.name} | ${ns.toFixed(0)} | ${(ns - noopNs).toFixed(0)} |`);
}
