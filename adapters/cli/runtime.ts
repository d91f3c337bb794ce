import { randomBytes } from 'node:crypto';
import { openDatabase, probeDatabase, type Config, type CoreDeps, type Logger, type OpenDatabase, type SecretBox } from '../../src/index.ts';
import { secretBoxFor } from './encryption-keys.ts';
import { jsonLogger } from './logger.ts';
import { systemClock } from './system-clock.ts';

export interface Runtime {
  readonly deps: CoreDeps;
  readonly database: OpenDatabase;
  readonly config: Config;
  /** Encrypts stored tokens; null on a real database without RECERT_ENCRYPTION_KEY (storing one is then refused). */
  readonly secrets: SecretBox | null;
  /** Resolves when SIGINT or SIGTERM arrives: stop taking work and return. */
  readonly stopping: Promise<NodeJS.Signals>;
}

/** After a signal, how long (ms) the body gets to finish before the process is stopped anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Connections the app's pool may hold; the embedded server allows this many plus the job queue's. */
const POOL_MAX = 8;
export const JOB_QUEUE_CONNECTIONS = 10;

/** How long (ms) a PostgreSQL server behind DATABASE_URL gets to answer at start-up; pg itself would wait for ever. */
const DATABASE_CONNECT_TIMEOUT_MS = 10_000;

/** `platformSecrets`: the platforms' own secrets (their adapters name them), hidden like the core's. */
export function makeLogger(config: Config, quiet: boolean, platformSecrets: readonly string[] = []): Logger {
  return jsonLogger(quiet && config.logLevel === 'info' ? 'warn' : config.logLevel, (line) => process.stderr.write(`${line}\n`), () => new Date().toISOString(), [...secretsOf(config), ...platformSecrets]);
}

/** Every configured secret, so no log line can carry one verbatim. */
function secretsOf(config: Config): string[] {
  const password = config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).password) : '';
  const keys = (config.encryptionKeys ?? []).map((k) => k.key.toString('base64'));
  return [password, ...keys].filter((s): s is string => Boolean(s));
}

/**
 * Open the database (embedded unless DATABASE_URL is set), run `body`, and always close it —
 * also on SIGINT/SIGTERM, because an open PGlite keeps the process alive and may lose writes.
 */
export async function withRuntime(config: Config, log: Logger, body: (runtime: Runtime) => Promise<number>): Promise<number> {
  // One connection first: a server that is down, unknown or refusing us fails here, within the deadline.
  if (config.databaseUrl) await probeDatabase(config.databaseUrl, DATABASE_CONNECT_TIMEOUT_MS);
  const database = await openDatabase(
    {
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? null : config.dataDir,
      poolMax: POOL_MAX,
      extraConnections: JOB_QUEUE_CONNECTIONS,
      migrate: true,
      onConnectionError: (error) => log.warn('database connection failed; the pool will reconnect', { error: error.message }),
      onEmbeddedEvent: (event, fields) => log.warn(`embedded database: ${event}`, fields),
    },
    { pid: process.pid, isAlive },
  );
  if (database.migrationsApplied.length) log.info('database migrated', { applied: database.migrationsApplied });
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= database.close());
  let signalled: (signal: NodeJS.Signals) => void = () => undefined;
  const stopping = new Promise<NodeJS.Signals>((resolve) => (signalled = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    log.info('shutting down', { signal });
    signalled(signal);
    // The body should return on `stopping`; if it does not, close the database and leave anyway.
    setTimeout(() => void close().then(() => process.exit(signal === 'SIGINT' ? 130 : 143)), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const secrets = await secretBoxFor(config, database.embedded, log);
    return await body({ deps: { db: database.db, clock: systemClock, log }, database, config, secrets, stopping });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await close();
  }
}

export function newReference(): string {
  return randomBytes(4).toString('hex');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}
