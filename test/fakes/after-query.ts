import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryId, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * A Kysely plugin that runs `then` once, after the first raw SQL query whose text contains `marker`
 * has answered and before its caller sees the answer: a write racing in between two queries of a
 * use case, at a chosen point. `seen` counts every query with the marker.
 */
export class AfterQuery implements KyselyPlugin {
  seen = 0;
  private readonly marked = new WeakSet<QueryId>();
  private done = false;
  private readonly marker: string;
  private readonly then: () => Promise<void>;

  constructor(marker: string, then: () => Promise<void>) {
    this.marker = marker;
    this.then = then;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'RawNode' && args.node.sqlFragments.join('?').includes(this.marker)) {
      this.seen += 1;
      this.marked.add(args.queryId);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.done && this.marked.has(args.queryId)) {
      this.done = true;
      await this.then();
    }
    return args.result;
  }
}
