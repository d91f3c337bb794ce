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
  /**
   * Queries that passed. Kysely checks a subquery on its own when the outer query is built, then
   * embeds that same (immutable) node in the outer query: the outer walk need not check it again.
   * Only subqueries are looked up here; every query Kysely sends is checked in full.
   */
  private readonly passed = new WeakSet<OperationNode>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!DATA_QUERIES.has(args.node.kind)) return args.node;
    const unscoped = unscopedTables(args.node, this.passed);
    if (unscoped.length > 0) throw new UnscopedQueryError([...new Set(unscoped)]);
    this.passed.add(args.node);
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

function unscopedTables(query: OperationNode, passed: WeakSet<OperationNode>): string[] {
  const parts: QueryParts = { tables: new Map(), scopes: [], insertColumns: [], subqueries: [] };
  collect(query, parts, query, false, false);
  const unscoped =
    query.kind === 'InsertQueryNode'
      ? parts.insertColumns.includes('organisation_id') ? [] : [...parts.tables.values()]
      : [...parts.tables].filter(([name]) => !parts.scopes.includes(name) && !parts.scopes.includes(null)).map(([, table]) => table);
  return [...unscoped, ...parts.subqueries.flatMap((sub) => (passed.has(sub) ? [] : unscopedTables(sub, passed)))];
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

/**
 * Nodes whose children can hold no table, no condition and no query, so the walk stops at them:
 * names and operators, parameter values (a value is data, never SQL, whatever its shape), and
 * references and table names, which are read where they matter (`noteScope`, `noteTable`).
 */
const LEAVES: ReadonlySet<string> = new Set([
  'IdentifierNode',
  'SchemableIdentifierNode',
  'ColumnNode',
  'SelectAllNode',
  'OperatorNode',
  'ValueNode',
  'PrimitiveValueListNode',
  'DefaultInsertValueNode',
  'ReferenceNode',
  'TableNode',
]);

/**
 * Walk one query level. It runs on every query, so it allocates nothing per node: the walk's state
 * is in the arguments (`filtering`: inside a WHERE or ON; `tableSlot`: inside a FROM, JOIN, UPDATE
 * or INSERT INTO target, where tables are read or written) and own keys are read with `for…in`.
 */
function collect(node: OperationNode, parts: QueryParts, root: OperationNode, filtering: boolean, tableSlot: boolean): void {
  if (node !== root && DATA_QUERIES.has(node.kind)) return void parts.subqueries.push(node);
  if (tableSlot) noteTable(node, parts);
  if (filtering && node.kind === 'BinaryOperationNode') noteScope(node, parts);
  if (node.kind === 'InsertQueryNode') parts.insertColumns.push(...columnsOf(node));
  if (LEAVES.has(node.kind)) return;
  const slots = TABLE_SLOTS[node.kind];
  const aliasInSlot = tableSlot && node.kind === 'AliasNode';
  const fields = node as unknown as Readonly<Record<string, unknown>>;
  for (const key in fields) {
    const value = fields[key];
    if (typeof value !== 'object' || value === null) continue;
    const childFiltering = filtering || key === 'where' || key === 'on';
    const childSlot = aliasInSlot || slots?.has(key) === true;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) collect(child, parts, root, childFiltering, childSlot);
    } else if (isNode(value)) {
      collect(value, parts, root, childFiltering, childSlot);
    }
  }
}

function noteTable(node: OperationNode, parts: QueryParts): void {
  if (node.kind === 'AliasNode') {
    const inner = (node as { node?: unknown }).node;
    const table = isNode(inner) && inner.kind === 'TableNode' ? tableName(inner) : '';
    const alias = identifierName((node as { alias?: unknown }).alias);
    if (TENANT_TABLES.has(table)) parts.tables.set(alias || table, table);
  } else if (node.kind === 'TableNode') {
    const table = tableName(node);
    if (TENANT_TABLES.has(table) && !isNoted(parts, table)) parts.tables.set(table, table);
  }
}

function isNoted(parts: QueryParts, table: string): boolean {
  for (const noted of parts.tables.values()) if (noted === table) return true;
  return false;
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
