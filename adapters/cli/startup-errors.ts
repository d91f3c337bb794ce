import { ConfigError, DatabaseHungUpError, DatabaseTimeoutError, DataDirInUseError, DataDirUnusableError, MigrationFailedError } from '../../src/index.ts';
import { SlackStartError } from '../slack/start-error.ts';

/** The settings a start-up failure is explained against (null when the configuration itself failed). */
export interface StartupSettings {
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly port: number;
}

export interface FailureReport {
  /** One line for stderr, naming the setting to fix. */
  readonly line: string;
  /** False for an error nobody anticipated: its stack trace is worth showing at LOG_LEVEL=debug. */
  readonly known: boolean;
}

/** Every way start-up is known to fail, worded once, here: one line naming the setting to fix. */
export function describeFailure(error: unknown, settings: StartupSettings | null): FailureReport {
  if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof SlackStartError) return known(error.message);
  if (error instanceof DataDirUnusableError) return known(dataDirLine(error));
  const line = (settings && (listenLine(error, settings.port) ?? databaseLine(error, settings.databaseUrl))) ?? null;
  if (line) return known(line);
  if (error instanceof MigrationFailedError) return known(`Recert could not bring the database schema up to date: ${error.message}`);
  return { line: `Recert stopped: ${messageOf(error)} (LOG_LEVEL=debug shows the details)`, known: false };
}

const known = (line: string): FailureReport => ({ line, known: true });

const DATA_DIR_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted there',
  EROFS: 'the file system is read-only',
  ENOENT: 'the folder cannot be created there',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path has a symbolic link loop',
};

function dataDirLine(error: DataDirUnusableError): string {
  const reason = DATA_DIR_REASONS[error.code] ?? 'it cannot be written';
  return `RECERT_DATA_DIR: the embedded database cannot keep its files in "${error.dataDir}": ${reason} (${error.code}). Set RECERT_DATA_DIR to a folder you can write to, or DATABASE_URL to a PostgreSQL server.`;
}

function listenLine(error: unknown, port: number): string | null {
  const failure = codeOf(error);
  if (failure?.syscall !== 'listen') return null;
  if (failure.code === 'EADDRINUSE') return `PORT: port ${port} is already in use by another program; stop it, or set PORT to a free port.`;
  if (failure.code === 'EACCES') return `PORT: this user may not listen on port ${port}; set PORT to a port above 1023.`;
  return `PORT: cannot listen on port ${port} (${failure.code}).`;
}

/** A refused, unknown or silent PostgreSQL server behind DATABASE_URL (the password is never shown). */
function databaseLine(error: unknown, url: string | null): string | null {
  if (!url) return null;
  const { host, port, user, database } = target(url);
  const at = `${host}:${port}`;
  if (error instanceof DatabaseTimeoutError) return `DATABASE_URL: no answer from ${at} within ${error.seconds} s; check the host and port, and that no firewall is in the way.`;
  if (error instanceof DatabaseHungUpError) return `DATABASE_URL: ${at} ${error.message}; check that the host and port are a PostgreSQL server's.`;
  const failure = codeOf(error);
  if (!failure) return null;
  switch (failure.code) {
    case 'ECONNREFUSED':
      return `DATABASE_URL: nothing is listening at ${at} (connection refused); is PostgreSQL running there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `DATABASE_URL: the host "${host}" cannot be found (${failure.code}); check the host name and the network.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `DATABASE_URL: ${at} cannot be reached (${failure.code}); check the address and the network.`;
    case '3D000':
      return `DATABASE_URL: there is no database "${database}" at ${at}; create it (createdb ${database}) or correct the name.`;
    case '28P01':
      return `DATABASE_URL: wrong password for user "${user}" at ${at}.`;
    case '28000':
      return `DATABASE_URL: ${at} does not let user "${user}" in: ${failure.message}.`;
    default:
      return isConnectionState(failure.code) ? `DATABASE_URL: ${at} refused the connection: ${failure.message} (${failure.code}).` : null;
  }
}

/** SQLSTATE classes 08 (connection exception), 53 (insufficient resources, e.g. too many connections), 57P0x (shutting down, starting up). */
function isConnectionState(code: string): boolean {
  return /^(08|53)...$|^57P0.$/.test(code);
}

function target(url: string): { host: string; port: string; user: string; database: string } {
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username) || 'postgres';
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    return { host, port: parsed.port || '5432', user, database: decodeURIComponent(parsed.pathname.slice(1)) || user };
  } catch {
    return { host: '(unreadable URL)', port: '', user: '', database: '' };
  }
}

interface Coded {
  readonly code: string;
  readonly message: string;
  readonly syscall?: string;
}

/** The first error with a string `code` (errno name or SQLSTATE), following `cause` (MigrationFailedError wraps the driver's error). */
function codeOf(error: unknown, depth = 0): Coded | null {
  if (typeof error !== 'object' || error === null || depth > 5) return null;
  const { code, message, syscall, cause } = error as { code?: unknown; message?: unknown; syscall?: unknown; cause?: unknown };
  if (typeof code === 'string') return { code, message: typeof message === 'string' ? message : code, ...(typeof syscall === 'string' ? { syscall } : {}) };
  return codeOf(cause, depth + 1);
}

/** Something thrown that is not an Error (a worker's or a library's plain object) still says what it is. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    const { message } = error as { message?: unknown };
    if (typeof message === 'string' && message) return message;
    try {
      return JSON.stringify(error).slice(0, 300);
    } catch {
      return Object.prototype.toString.call(error);
    }
  }
  return String(error);
}
