import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/**
 * Issue 6, item 10b, found in review (docs/reviews/issue-6-review.md): a DATABASE_URL whose address
 * answers but is not PostgreSQL — it hangs up at once, or speaks another protocol — stops the start
 * in one line naming DATABASE_URL, within seconds (it said "Recert stopped: Connection terminated
 * unexpectedly", naming no setting).
 */
let server: Server | null = null;

async function listen(onSocket: (socket: Socket) => void): Promise<number> {
  server = createServer((socket) => {
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

describe('a DATABASE_URL address that is not a PostgreSQL server', () => {
  it.each([
    ['hangs up at once', (socket: Socket) => socket.destroy()],
    ['answers in another protocol (HTTP)', (socket: Socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'))],
  ] as const)('%s: one line naming DATABASE_URL and a non-zero exit, within seconds', async (_what, behave) => {
    const port = await listen(behave);
    const result = await runCli(['shell'], { env: { DATABASE_URL: `postgres://postgres:pw-secret@127.0.0.1:${port}/recert` }, timeoutMs: 30_000 });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^DATABASE_URL: 127\\.0\\.0\\.1:${port} the server closed the connection before answering as PostgreSQL \\(.+\\); check that the host and port are a PostgreSQL server's\\.$`));
    expect(result.stderr).not.toContain('pw-secret');
    expect(result.code).toBe(1);
    // The wording above shows it was the hang-up, not the probe's 10 s deadline; this bound only
    // proves no hang (generous: a node start on a busy 2-core machine took 11 s once).
    expect(result.elapsedMs).toBeLessThan(20_000);
  });
});
