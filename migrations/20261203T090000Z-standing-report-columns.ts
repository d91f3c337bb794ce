import type { Kysely } from 'kysely';

// Frozen in time: no imports from src/.

/**
 * The few fields of a stored standing that an organisation's report needs for its summary, its
 * filters and its order, in columns beside the summary JSON: the report reads these for everyone
 * and the JSON (the full reasons) only for the people on the page shown. Written together with the
 * summary, at the same version; a row whose `format` is null (written before this) is stale.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('standings')
    .addColumn('format', 'integer')
    .addColumn('cert_number', 'text')
    // ISO dates (YYYY-MM-DD) as text: compared as strings, read without a date parser.
    .addColumn('issued_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('expiring_soon_days', 'integer')
    .addColumn('earned', 'double precision')
    .addColumn('required', 'double precision')
    // The current certificate's fee: null when there is no certificate or no fee.
    .addColumn('fee_paid', 'boolean')
    // The day-independent reasons' codes, comma-separated, in the summary's order.
    .addColumn('ledger_codes', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('standings')
    .dropColumn('format')
    .dropColumn('cert_number')
    .dropColumn('issued_on')
    .dropColumn('expires_on')
    .dropColumn('expiring_soon_days')
    .dropColumn('earned')
    .dropColumn('required')
    .dropColumn('fee_paid')
    .dropColumn('ledger_codes')
    .execute();
}
