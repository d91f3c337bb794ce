/**
 * One organisation, or several at once: the scheduler reads the people due a nudge across
 * organisations in one query. Either way the query filters on `organisation_id` (`=` or `in`).
 */
export type TenantScope = string | readonly string[];

/** The comparison for a scope: `=` for one organisation, `in` for several. */
export function scopeOperator(scope: TenantScope): '=' | 'in' {
  return typeof scope === 'string' ? '=' : 'in';
}

/** The scope as a query value (a fresh array: Kysely takes mutable lists). */
export function scopeValue(scope: TenantScope): string | string[] {
  return typeof scope === 'string' ? scope : [...scope];
}
