import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { createDb, createPool } from '../../src/db/connection.ts';
import { serve } from '../../src/db/embedded.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { adminPool, templateName } from './postgres-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Real Postgres: the migrated template database every test file clones. */
    pgTemplate: string | null;
    /** Embedded: a migrated PGlite data directory (tarball) every test file loads. */
    pgliteSnapshot: string | null;
  }
}

/** Migrate once per run, then let each test file start from a copy (fast, isolated, real migrations). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  return url ? setupPostgres(project, url) : setupPglite(project);
}

async function setupPostgres(project: TestProject, url: string): Promise<() => Promise<void>> {
  const template = templateName();
  const admin = adminPool(url);
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const target = new URL(url);
  target.pathname = `/${template}`;
  const pool = createPool({ connectionString: target.toString(), max: 2 });
  const db = createDb(pool);
  await migrateToLatest(db);
  await db.destroy();
  project.provide('pgTemplate', template);
  project.provide('pgliteSnapshot', null);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

async function setupPglite(project: TestProject): Promise<() => Promise<void>> {
  const lite = await PGlite.create();
  const server = await serve(lite, 2);
  const db = createDb(createPool({ connectionString: server.connectionString, max: 1 }));
  await migrateToLatest(db);
  await db.destroy();
  const dump = await lite.dumpDataDir('none');
  const dir = await mkdtemp(path.join(tmpdir(), 'recert-test-'));
  const file = path.join(dir, 'migrated.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await server.stop();
  project.provide('pgTemplate', null);
  project.provide('pgliteSnapshot', file);
  return () => rm(dir, { recursive: true, force: true });
}
