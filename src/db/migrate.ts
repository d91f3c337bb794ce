import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { FileMigrationProvider, Migrator, type MigrationResultSet } from 'kysely/migration';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export class MigrationFailedError extends Error {
  constructor(migration: string, cause: unknown) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationFailedError';
  }
}

/** Bring the schema to the newest migration. Kysely takes a lock, so concurrent starts are safe on Postgres. */
export async function migrateToLatest<T>(db: Kysely<T>, folder = MIGRATIONS_FOLDER): Promise<string[]> {
  // Migrations create and alter tenant tables; the tenant guard is for data queries, so drop it here.
  const migrator = new Migrator({ db: db.withoutPlugins(), provider: new FileMigrationProvider({ fs, path, migrationFolder: folder }) });
  return applied(await migrator.migrateToLatest());
}

function applied({ error, results }: MigrationResultSet): string[] {
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new MigrationFailedError(failed?.migrationName ?? '(setup)', error);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
