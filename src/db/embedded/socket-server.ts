import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { BackendLock } from './backend-lock.ts';
import { Connection } from './connection.ts';
import type { SocketServerOptions } from './server-options.ts';

export type { SocketServerOptions } from './server-options.ts';

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

/** ErrorResponse 53300, as PostgreSQL refuses a client past max_connections. */
function tooManyConnections(): Buffer {
  const fields = ['SFATAL', 'VFATAL', 'C53300', 'Msorry, too many clients already (the embedded database allows a fixed number)'];
  const body = Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`, 'utf8')), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'ascii');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
