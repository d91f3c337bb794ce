import type { Kysely } from 'kysely';

// Frozen in time: no imports from src/.

/**
 * A stored standing's state on any day, as three states: before its certificate's issue day, while
 * it is valid, from its expiry day on (the state changes only there). The report picks one per
 * person for their own today in SQL, and counts, filters, orders and pages there, so only the page's
 * people are read in full. Written with the summary at the same version; null on rows written
 * before this (they are stale, computed again on the next report).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('standings')
    // 'compliant' | 'at_risk' | 'out_of_compliance'
    .addColumn('state_before', 'text')
    .addColumn('state_during', 'text')
    .addColumn('state_after', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('standings').dropColumn('state_before').dropColumn('state_during').dropColumn('state_after').execute();
}
