import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { freePort } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/**
 * `recert serve` with Teams in dev mode on a PORT another program holds: the port is bound before
 * any adapter (the scheduler, the export workers) starts, so the refusal is one line naming PORT,
 * the exit is non-zero, and nothing was started before it.
 */
describe('recert serve (Teams dev mode) when PORT is already in use', () => {
  let holder: Server;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  });

  it('refuses in one line naming PORT, exits 1, and starts nothing (no scheduler line)', async () => {
    const result = await runCli(['serve'], { env: { DATABASE_URL: database.current.connectionString, RECERT_TEAMS_DEV: '1', PORT: String(port), LOG_LEVEL: 'info' }, timeoutMs: 120_000 });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code).toBe(1);
    const refusals = output.split('\n').filter((line) => line.includes('PORT'));
    expect(refusals).toEqual([`PORT: port ${port} is already in use by another program; stop it, or set PORT to a free port.`]);
    expect(output).not.toContain('scheduler started');
    expect(output).not.toContain('scheduler stopped');
    expect(output).not.toContain('front door open');
    expect(output).not.toContain('TEAMS RUNS WITHOUT CREDENTIALS');
  }, 150_000);
});
