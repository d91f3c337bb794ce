import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { BackendLock } from './backend-lock.ts';
import { endsUnitOfWork, splitFrames, SYNC, type Frame } from './frames.ts';

export interface SocketServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly maxConnections: number;
  /**
   * A connection holding the backend inside a transaction that sends nothing for this long (ms) is
   * ended and its transaction rolled back, as PostgreSQL's idle_in_transaction_session_timeout does:
   * otherwise a client that forgot its transaction would stop every other connection.
   */
  readonly idleInTransactionMs: number;
  readonly onEvent?: (event: string, fields: Record<string, unknown>) => void;
}

/**
 * PGlite served on a TCP port, so that `pg` (and Kysely, and pg-boss) reach it exactly as they
 * reach PostgreSQL. PGlite is a single backend, so connections take turns: a connection holds the
 * backend from its first message until a unit of work (Sync, or a simple Query) ends outside a
 * transaction. Two connections' messages never interleave, so no connection ever sees another's
 * results — the flaw of pglite-socket, which keeps connections apart only inside transactions.
 */
export class EmbeddedSocketServer {
  private readonly lock = new BackendLock<Connection>();
  private readonly connections = new Set<Connection>();
  private server: Server | null = null;
  private readonly lite: PGlite;
  private readonly options: SocketServerOptions;

  constructor(lite: PGlite, options: SocketServerOptions) {
    this.lite = lite;
    this.options = options;
  }

  async start(): Promise<{ host: string; port: number }> {
    await this.lite.waitReady;
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    const address = server.address();
    return { host: this.options.host, port: typeof address === 'object' && address ? address.port : this.options.port };
  }

  /** Stop accepting, end every connection (rolling back what was open), then return. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    const closing = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    await Promise.all([...this.connections].map((c) => c.end()));
    await closing;
  }

  stats(): { connections: number; queued: number } {
    return { connections: this.connections.size, queued: this.lock.queued };
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    if (this.connections.size >= this.options.maxConnections) {
      // Written, then closed from our side: a refused client must not keep the server from stopping.
      socket.end(tooManyConnections(), () => socket.destroy());
      this.options.onEvent?.('connection refused: too many', { max: this.options.maxConnections });
      return;
    }
    const connection = new Connection(socket, this.lite, this.lock, this.options);
    this.connections.add(connection);
    socket.once('close', () => this.connections.delete(connection));
  }
}

/** One client connection: its bytes become frames, run in order, each batch under the backend lock. */
class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private closed = false;
  private chain: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly socket: Socket;
  private readonly lite: PGlite;
  private readonly lock: BackendLock<Connection>;
  private readonly options: SocketServerOptions;

  constructor(socket: Socket, lite: PGlite, lock: BackendLock<Connection>, options: SocketServerOptions) {
    this.socket = socket;
    this.lite = lite;
    this.lock = lock;
    this.options = options;
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', () => undefined); // 'close' follows; a reset client is not a server error
    socket.on('close', () => void this.end());
  }

  /** Close the socket and give the backend back clean. Safe to call more than once. */
  end(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.clearIdle();
      this.lock.abandon(this, new Error('connection closed'));
      this.socket.destroy();
      this.chain = this.chain.then(() => this.reset());
    }
    return this.chain;
  }

  private receive(chunk: Buffer): void {
    this.clearIdle();
    let frames: Frame[];
    try {
      const split = splitFrames(Buffer.concat([this.buffer, chunk]), this.started);
      frames = split.frames;
      this.buffer = Buffer.from(split.rest);
      this.started = split.started;
    } catch (error) {
      this.options.onEvent?.('protocol error', { error: error instanceof Error ? error.message : String(error) });
      void this.end();
      return;
    }
    for (const batch of batches(frames)) this.chain = this.chain.then(() => this.run(batch)).catch((error: unknown) => this.fail(error));
  }

  private async run(batch: readonly Frame[]): Promise<void> {
    if (this.closed) return;
    const first = batch[0];
    if (!first) return;
    if (first.kind === 'ssl-request' || first.kind === 'gssenc-request') return void this.socket.write('N'); // no TLS on loopback
    if (first.kind !== 'startup' && first.kind !== 'message') return void this.end(); // cancel requests are not supported
    if (first.kind === 'message' && first.type === 'X') return void this.end(); // Terminate: always alone in its batch
    await this.lock.acquire(this);
    if (this.closed) return;
    const reply = await this.lite.execProtocolRaw(Buffer.concat(batch.map((f) => f.bytes)));
    if (reply.length && !this.socket.destroyed) this.socket.write(reply);
    const last = batch[batch.length - 1];
    if (last && endsUnitOfWork(last) && !this.lite.isInTransaction()) this.lock.release(this);
    else this.armIdle();
  }

  /** Runs after the socket is gone, holding the backend if this connection still did. */
  private async reset(): Promise<void> {
    if (this.lock.owner !== this) return;
    try {
      // A client that vanished mid-sequence may leave the backend skipping messages until a Sync.
      await this.lite.execProtocolRaw(SYNC);
      if (this.lite.isInTransaction()) {
        await this.lite.exec('ROLLBACK');
        this.options.onEvent?.('rolled back the transaction of a closed connection', {});
      }
    } finally {
      this.lock.release(this);
    }
  }

  private fail(error: unknown): void {
    if (!this.closed) this.options.onEvent?.('connection failed', { error: error instanceof Error ? error.message : String(error) });
    void this.end();
  }

  private armIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      this.options.onEvent?.('ended a connection idle in a transaction', { ms: this.options.idleInTransactionMs });
      void this.end();
    }, this.options.idleInTransactionMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** Frames grouped so that each batch ends a unit of work (or is the tail still waiting for one). */
function batches(frames: readonly Frame[]): Frame[][] {
  const out: Frame[][] = [];
  let current: Frame[] = [];
  for (const frame of frames) {
    // Untyped frames (startup, SSL, cancel) go alone: PGlite reads a startup message only at offset 0.
    if (frame.kind !== 'message') {
      if (current.length) out.push(current);
      out.push([frame]);
      current = [];
      continue;
    }
    if (frame.type === 'X') {
      if (current.length) out.push(current);
      out.push([frame]);
      current = [];
      continue;
    }
    current.push(frame);
    if (endsUnitOfWork(frame)) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** ErrorResponse 53300, as PostgreSQL refuses a client past max_connections. */
function tooManyConnections(): Buffer {
  const fields = ['SFATAL', 'VFATAL', 'C53300', 'Msorry, too many clients already (the embedded database allows a fixed number)'];
  const body = Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`, 'utf8')), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'ascii');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
