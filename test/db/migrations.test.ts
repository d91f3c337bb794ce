import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, migrateToLatest } from '../../src/db/migrate.ts';
import { TENANT_TABLES } from '../../src/db/schema.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/** Tables that belong to no one organisation (the platform's own bookkeeping). */
const PLATFORM_TABLES = ['inbound_deliveries', 'oauth_states', 'organisations', 'platform_installations', 'processed_inbound'];

describe('migrations', () => {
  it('have been applied to the test database and are idempotent', async () => {
    expect(await migrateToLatest(database.current.db)).toEqual([]);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(database.current.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual([...TENANT_TABLES, ...PLATFORM_TABLES].sort());
  });

  it('give every tenant table an organisation_id column that is required', async () => {
    const columns = await sql<{ table_name: string; is_nullable: string }>`
      select table_name, is_nullable from information_schema.columns
      where table_schema = 'public' and column_name = 'organisation_id' order by table_name`.execute(database.current.db);
    const required = columns.rows.filter((c) => c.is_nullable === 'NO').map((c) => c.table_name);
    expect(required).toEqual([...TENANT_TABLES].sort());
  });

  it('keep the 10 MB certificate cap in the schema', async () => {
    const checks = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'proof_files'::regclass and contype = 'c'`.execute(database.current.db);
    expect(checks.rows.map((r) => r.def).join(' ')).toContain('10485760');
  });

  it('still run a migration the database lacks, and still report an executed one whose file is gone (the up-to-date shortcut skips neither)', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'recert-migrations-'));
    const extra = '29990101T000000Z-test-only-no-op';
    try {
      // Links, so that the real migrations still resolve their imports (kysely) from the project.
      for (const file of await readdir(MIGRATIONS_FOLDER)) await symlink(path.join(MIGRATIONS_FOLDER, file), path.join(folder, file));
      await writeFile(path.join(folder, `${extra}.ts`), 'export async function up(): Promise<void> {}\n');
      expect(await migrateToLatest(database.current.db, folder)).toEqual([extra]);
      expect(await migrateToLatest(database.current.db, folder)).toEqual([]);
      await expect(migrateToLatest(database.current.db)).rejects.toThrow(/corrupted migrations.*29990101T000000Z-test-only-no-op/);
    } finally {
      await sql`delete from kysely_migration where name = ${extra}`.execute(database.current.db.withoutPlugins());
      await rm(folder, { recursive: true, force: true });
    }
  });
});
