import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { FileMigrationProvider, Migrator, type MigrationResultSet } from 'kysely/migration';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export class MigrationFailedError extends Error {
  constructor(migration: string, cause: unknown) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationFailedError';
  }
}

/**
 * Bring the schema to the newest migration. Kysely takes a lock, so concurrent starts are safe on
 * Postgres. Most starts have nothing to do, and one query says so: that skips the migrator's
 * catalog introspection and locking (about 0.3 s of every start on the embedded database).
 */
export async function migrateToLatest<T>(db: Kysely<T>, folder = MIGRATIONS_FOLDER): Promise<string[]> {
  // Migrations create and alter tenant tables; the tenant guard is for data queries, so drop it here.
  const plain = db.withoutPlugins();
  if (await isUpToDate(plain, folder)) return [];
  const migrator = new Migrator({ db: plain, provider: new FileMigrationProvider({ fs, path, migrationFolder: folder }) });
  return applied(await migrator.migrateToLatest());
}

/** Every migration file, and nothing else, is recorded as executed (anything else goes through the migrator, which also reports a missing file). */
async function isUpToDate<T>(db: Kysely<T>, folder: string): Promise<boolean> {
  // The names FileMigrationProvider gives: file names of .ts/.js/.mts/.mjs files (not declarations), without the extension.
  const files = (await fs.readdir(folder)).filter((f) => /\.m?[jt]s$/.test(f) && !/\.d\.m?ts$/.test(f)).map((f) => f.replace(/\.m?[jt]s$/, ''));
  const executed = await sql<{ name: string }>`select name from kysely_migration`.execute(db).then(
    (result) => new Set(result.rows.map((row) => row.name)),
    () => null, // no migration table yet: a new database
  );
  return executed !== null && executed.size === files.length && files.every((name) => executed.has(name));
}

function applied({ error, results }: MigrationResultSet): string[] {
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new MigrationFailedError(failed?.migrationName ?? '(setup)', error);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
