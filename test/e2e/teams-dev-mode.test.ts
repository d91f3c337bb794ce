import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServe, type ServeProcess } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

async function answers(host: string, port: number): Promise<boolean> {
  try {
    return (await fetch(`http://${host}:${port}/healthz`, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

/**
 * RECERT_TEAMS_DEV=1 runs Teams without credentials, so botbuilder checks no token: `serve` then
 * listens on 127.0.0.1 alone and says so loudly. (127.0.0.2 is loopback too, but not the address
 * bound: a listener on every address would answer there.)
 */
describe('recert serve with RECERT_TEAMS_DEV=1', () => {
  let serve: ServeProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    serve = await startServe({ DATABASE_URL: database.current.connectionString, RECERT_TEAMS_DEV: '1' }, port);
    // startServe gives up waiting after 60 s; on a loaded machine the embedded database can take longer to start.
    for (const end = Date.now() + 120_000; !(await answers('127.0.0.1', port)) && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 250));
  }, 200_000);
  afterAll(async () => {
    await serve?.stop();
  });

  it('listens on 127.0.0.1 only, prints the warning, and serves /api/messages without a token', async () => {
    expect(await answers('127.0.0.1', port)).toBe(true);
    expect(await answers('127.0.0.2', port)).toBe(false);
    expect(serve.output()).toContain('TEAMS RUNS WITHOUT CREDENTIALS');
    expect(serve.output()).toContain('"host":"127.0.0.1"');
    // An install (nothing to send back) is accepted unchecked.
    const install = { type: 'installationUpdate', action: 'add', id: 'dev-inst-1', channelId: 'msteams', serviceUrl: 'https://smba.test.invalid/amer/', from: { id: '29:x', aadObjectId: 'aad-dev', name: 'Dev' }, recipient: { id: '28:bot' }, conversation: { id: 'a:dev', conversationType: 'personal', tenantId: 'tenant-dev' } };
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(install) });
    expect(response.status).toBe(200);
  });
});
