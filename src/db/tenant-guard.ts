import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { TENANT_TABLES } from './schema.ts';

export class UnscopedQueryError extends Error {
  constructor(tables: readonly string[]) {
    super(`query on tenant table(s) ${tables.join(', ')} does not filter on organisation_id`);
    this.name = 'UnscopedQueryError';
  }
}

interface Findings {
  readonly tables: Set<string>;
  scoped: boolean;
}

/**
 * Refuses, before it reaches the database, any query that touches a tenant table without an
 * `organisation_id` condition (in WHERE or a join's ON) or, for inserts, an `organisation_id`
 * column. It is a guard against forgetting the tenant, not a proof of correct scoping.
 */
export class TenantGuardPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!DATA_QUERIES.has(args.node.kind)) return args.node;
    const findings: Findings = { tables: new Set(), scoped: false };
    inspect(args.node, false, findings);
    const tenantTables = [...findings.tables].filter((t) => TENANT_TABLES.has(t));
    if (tenantTables.length > 0 && !findings.scoped) throw new UnscopedQueryError(tenantTables);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Schema changes (migrations) and raw SQL are not inspected; only data queries are. */
const DATA_QUERIES = new Set(['SelectQueryNode', 'InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const FILTER_KEYS = new Set(['where', 'on']);

function inspect(node: OperationNode, filtering: boolean, findings: Findings): void {
  if (node.kind === 'TableNode') findings.tables.add(tableName(node));
  if (node.kind === 'ColumnNode' && filtering && columnName(node) === 'organisation_id') findings.scoped = true;
  for (const [key, value] of Object.entries(node)) {
    const childFiltering = filtering || FILTER_KEYS.has(key) || (node.kind === 'InsertQueryNode' && key === 'columns');
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) inspect(child, childFiltering, findings);
    }
  }
}

function isNode(value: unknown): value is OperationNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

function tableName(node: OperationNode): string {
  const table = (node as { table?: { identifier?: { name?: unknown } } }).table;
  return typeof table?.identifier?.name === 'string' ? table.identifier.name : '';
}

function columnName(node: OperationNode): string {
  const column = (node as { column?: { name?: unknown } }).column;
  return typeof column?.name === 'string' ? column.name : '';
}
