import { PostgresQueryCompiler, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';

export interface RecordedQuery {
  /** The Kysely node kind: SelectQueryNode, InsertQueryNode, …, RawNode for raw SQL. */
  readonly kind: string;
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/**
 * A Kysely plugin (`db.withPlugin(recorder)`, after the tenant guard) that keeps every query as
 * PostgreSQL will receive it: the node is compiled by the same compiler the dialect uses, and no
 * plugin after this one changes it.
 */
export class QueryRecorder implements KyselyPlugin {
  readonly queries: RecordedQuery[] = [];
  private readonly compiler = new PostgresQueryCompiler();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const compiled = this.compiler.compileQuery(args.node, args.queryId);
    this.queries.push({ kind: args.node.kind, sql: compiled.sql, parameters: compiled.parameters });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
