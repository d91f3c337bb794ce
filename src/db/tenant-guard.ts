import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { TENANT_TABLES } from './schema.ts';

export class UnscopedQueryError extends Error {
  constructor(tables: readonly string[]) {
    super(`query on tenant table(s) ${tables.join(', ')} does not filter on organisation_id`);
    this.name = 'UnscopedQueryError';
  }
}

/** Schema changes (migrations) and raw SQL are not inspected; only data queries are. */
const DATA_QUERIES = new Set(['SelectQueryNode', 'InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);
const SCOPING_OPERATORS = new Set(['=', 'in']);

/**
 * Refuses, before it reaches the database, any query in which a tenant table is read or written
 * without `<that table>.organisation_id = …` (or `in …`) in its WHERE or its join's ON — each table
 * on its own, each subquery on its own — and any insert into a tenant table without an
 * `organisation_id` value. A guard against forgetting the tenant, not a proof of correct scoping.
 */
export class TenantGuardPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!DATA_QUERIES.has(args.node.kind)) return args.node;
    const unscoped = unscopedTables(args.node);
    if (unscoped.length > 0) throw new UnscopedQueryError([...new Set(unscoped)]);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

interface QueryParts {
  /** Tenant tables of this query level, by the name they are referred to (alias or table). */
  readonly tables: Map<string, string>;
  /** Qualifiers of `organisation_id =` conditions; null for an unqualified column. */
  readonly scopes: (string | null)[];
  readonly insertColumns: string[];
  readonly subqueries: OperationNode[];
}

function unscopedTables(query: OperationNode): string[] {
  const parts: QueryParts = { tables: new Map(), scopes: [], insertColumns: [], subqueries: [] };
  collect(query, parts, { root: query, filtering: false, tableSlot: false });
  const unscoped =
    query.kind === 'InsertQueryNode'
      ? parts.insertColumns.includes('organisation_id') ? [] : [...parts.tables.values()]
      : [...parts.tables].filter(([name]) => !parts.scopes.includes(name) && !parts.scopes.includes(null)).map(([, table]) => table);
  return [...unscoped, ...parts.subqueries.flatMap(unscopedTables)];
}

interface Walk {
  readonly root: OperationNode;
  readonly filtering: boolean;
  /** Inside a FROM, JOIN, UPDATE or INSERT INTO target: tables here are read or written. */
  readonly tableSlot: boolean;
}

/** Where a node's children name the tables it reads or writes (a ReferenceNode's `table` is only a qualifier). */
const TABLE_SLOTS: Readonly<Record<string, ReadonlySet<string>>> = {
  SelectQueryNode: new Set(['from', 'joins']),
  DeleteQueryNode: new Set(['from', 'joins', 'using']),
  UpdateQueryNode: new Set(['table', 'from', 'joins']),
  InsertQueryNode: new Set(['into']),
  FromNode: new Set(['froms']),
  UsingNode: new Set(['tables']),
  JoinNode: new Set(['table']),
};

function collect(node: OperationNode, parts: QueryParts, walk: Walk): void {
  if (node !== walk.root && DATA_QUERIES.has(node.kind)) return void parts.subqueries.push(node);
  if (walk.tableSlot) noteTable(node, parts);
  if (walk.filtering && node.kind === 'BinaryOperationNode') noteScope(node, parts);
  if (node.kind === 'InsertQueryNode') parts.insertColumns.push(...columnsOf(node));
  for (const [key, value] of Object.entries(node)) {
    const slot = TABLE_SLOTS[node.kind]?.has(key) === true;
    const next: Walk = { root: walk.root, filtering: walk.filtering || key === 'where' || key === 'on', tableSlot: slot || (walk.tableSlot && node.kind === 'AliasNode') };
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) collect(child, parts, next);
  }
}

function noteTable(node: OperationNode, parts: QueryParts): void {
  if (node.kind === 'AliasNode') {
    const inner = (node as { node?: unknown }).node;
    const table = isNode(inner) && inner.kind === 'TableNode' ? tableName(inner) : '';
    const alias = identifierName((node as { alias?: unknown }).alias);
    if (TENANT_TABLES.has(table)) parts.tables.set(alias || table, table);
  } else if (node.kind === 'TableNode' && TENANT_TABLES.has(tableName(node)) && ![...parts.tables.values()].includes(tableName(node))) {
    parts.tables.set(tableName(node), tableName(node));
  }
}

/** `x.organisation_id = …` (either side) records `x`; an unqualified column records null. */
function noteScope(node: OperationNode, parts: QueryParts): void {
  const { leftOperand, operator, rightOperand } = node as { leftOperand?: unknown; operator?: { operator?: unknown }; rightOperand?: unknown };
  if (typeof operator?.operator !== 'string' || !SCOPING_OPERATORS.has(operator.operator)) return;
  for (const side of [leftOperand, rightOperand]) {
    if (!isNode(side) || side.kind !== 'ReferenceNode') continue;
    const { column, table } = side as { column?: unknown; table?: unknown };
    if (identifierName((column as { column?: unknown } | undefined)?.column) !== 'organisation_id') continue;
    parts.scopes.push(isNode(table) ? tableName(table) : null);
  }
}

function columnsOf(node: OperationNode): string[] {
  const columns = (node as { columns?: unknown }).columns;
  return Array.isArray(columns) ? columns.map((c: unknown) => identifierName((c as { column?: unknown }).column)) : [];
}

function isNode(value: unknown): value is OperationNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

function tableName(node: OperationNode): string {
  const table = (node as { table?: { identifier?: unknown } }).table;
  return identifierName(table?.identifier);
}

function identifierName(value: unknown): string {
  const name = (value as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : '';
}
