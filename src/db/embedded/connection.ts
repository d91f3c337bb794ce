import type { Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type { BackendLock } from './backend-lock.ts';
import { ACK_APPLICATION_NAME } from '../application-names.ts';
import { endsUnitOfWork, splitFrames, startupParameter, SYNC, type Frame } from './frames.ts';
import type { SocketServerOptions } from './server-options.ts';

/** One client connection: its bytes become frames, run in order, each batch under the backend lock. */
export class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private closed = false;
  /** An acknowledgement connection (application_name ACK_APPLICATION_NAME): served before the others. */
  private first = false;
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
    if (first.kind === 'startup') this.first = startupParameter(first.bytes, 'application_name') === ACK_APPLICATION_NAME;
    await this.lock.acquire(this, this.first);
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
