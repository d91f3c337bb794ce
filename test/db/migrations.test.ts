import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('migrations', () => {
  it('have been applied to the test database and are idempotent', async () => {
    expect(await migrateToLatest(database.current.db)).toEqual([]);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(database.current.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'audit_events',
      'credential_types',
      'credentials',
      'drafts',
      'fee_payments',
      'inbound_deliveries',
      'oauth_states',
      'organisations',
      'people',
      'platform_installations',
      'processed_inbound',
      'proof_files',
      'training_proofs',
      'trainings',
    ]);
  });

  it('give every tenant table an organisation_id column that is required', async () => {
    const columns = await sql<{ table_name: string; is_nullable: string }>`
      select table_name, is_nullable from information_schema.columns
      where table_schema = 'public' and column_name = 'organisation_id' order by table_name`.execute(database.current.db);
    const required = columns.rows.filter((c) => c.is_nullable === 'NO').map((c) => c.table_name);
    expect(required).toEqual(['audit_events', 'credential_types', 'credentials', 'drafts', 'fee_payments', 'people', 'proof_files', 'training_proofs', 'trainings']);
  });

  it('keep the 10 MB certificate cap in the schema', async () => {
    const checks = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'proof_files'::regclass and contype = 'c'`.execute(database.current.db);
    expect(checks.rows.map((r) => r.def).join(' ')).toContain('10485760');
  });
});
