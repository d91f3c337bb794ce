import { createServer, type Server, type Socket } from 'node:net';

export interface FakePostgres {
  /** A DATABASE_URL for this server (the user, password and database are whatever the test says). */
  url(userInfo: string, database: string): string;
  close(): Promise<void>;
}

/**
 * A stand-in for a PostgreSQL server at the network edge: it answers the first message of every
 * connection with a FATAL ErrorResponse carrying `refusal` (as a real server refusing a database or
 * a role does), or, with `refusal` null, accepts connections and never says a word.
 */
export async function startFakePostgres(refusal: { readonly code: string; readonly message: string } | null): Promise<FakePostgres> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (refusal) socket.once('data', () => socket.end(errorResponse(refusal.code, refusal.message)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (userInfo, database) => `postgres://${userInfo}@127.0.0.1:${port}/${database}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Protocol v3 ErrorResponse: 'E', an Int32 length (itself included), fields (a type byte and a C string each), a 0. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([...['SFATAL', 'VFATAL', `C${code}`, `M${message}`].map((field) => Buffer.from(`${field}\0`, 'utf8')), Buffer.from([0])]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(fields.length + 4);
  return Buffer.concat([Buffer.from('E'), length, fields]);
}
