import pg from 'pg';

/** A small pool on the server named by DATABASE_URL, for creating and dropping test databases. */
export function adminPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 2 });
}

/** One template per test run, so parallel runs on one server do not collide. */
export function templateName(): string {
  return `recert_tpl_${process.pid}`;
}
