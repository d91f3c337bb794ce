import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** `postgres://…@127.0.0.1:<port>/postgres`, for pg, Kysely and pg-boss alike. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

/**
 * PGlite persisted in `dataDir` (or in memory when null), served on loopback so that the app
 * reaches it through `pg` exactly as it reaches a real server. All socket connections share one
 * backend: session state and advisory locks are not per connection, so run one process only.
 */
export async function startEmbeddedPostgres(dataDir: string | null, maxConnections: number): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const lite = await PGlite.create(dataDir ?? undefined);
  return serve(lite, maxConnections);
}

/** Serve an existing PGlite (tests load a migrated snapshot this way). */
export async function serve(lite: PGlite, maxConnections: number): Promise<EmbeddedPostgres> {
  const server = new PGLiteSocketServer({ db: lite, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    connectionString: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop();
      await lite.close();
    },
  };
}
