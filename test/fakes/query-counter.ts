import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

/**
 * A Kysely plugin that notes the kind of every query sent through it (`db.withPlugin(counter)`),
 * so a test can say how many reads and writes a use case made. Raw SQL shows up as `RawNode`.
 */
export class QueryCounter implements KyselyPlugin {
  readonly kinds: string[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.kinds.push(args.node.kind);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** Inserts, updates, deletes and merges (raw SQL counts too: it could write). */
  get writes(): number {
    return this.kinds.filter((kind) => WRITES.has(kind) || kind === 'RawNode').length;
  }

  reset(): void {
    this.kinds.length = 0;
  }
}
