import pg from 'pg';

/** The database server did not finish the connection handshake within the deadline. */
export class DatabaseTimeoutError extends Error {
  readonly seconds: number;
  constructor(seconds: number, cause: unknown) {
    super(`no answer from the database within ${seconds} s`, { cause });
    this.name = 'DatabaseTimeoutError';
    this.seconds = seconds;
  }
}

/**
 * The server at the address hung up, or answered in something other than PostgreSQL's protocol,
 * before the handshake ended (no errno, no SQLSTATE): not a PostgreSQL server, or one behind a proxy
 * that drops us.
 */
export class DatabaseHungUpError extends Error {
  constructor(cause: unknown) {
    super(`the server closed the connection before answering as PostgreSQL (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = 'DatabaseHungUpError';
  }
}

/**
 * Connect once to `url` and run `select 1`, so that a server that is down, unknown or refusing us
 * is reported at start-up with the driver's own error (its errno or SQLSTATE on `code`). pg waits
 * for ever by default; here a silent server fails after `timeoutMs` (milliseconds).
 */
export async function probeDatabase(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // A failed handshake may also emit 'error'; the rejected promise below reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    if (isTimeout(error)) throw new DatabaseTimeoutError(timeoutMs / 1000, error);
    throw hasCode(error) && !isHangUp(error) ? error : new DatabaseHungUpError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A connection that was accepted and then reset (RST rather than FIN) is the same hang-up: which one
 * the socket sees depends on timing, so both read as "not a PostgreSQL server".
 */
function isHangUp(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
}

function isTimeout(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /timeout/i.test(message) && !hasCode(error);
}

/** pg's socket errors carry an errno name, the server's refusals a SQLSTATE, on `code`. */
function hasCode(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}
