import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { freePort, startServe } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly from?: string;
}

describe('LOG_LEVEL reaches Bolt', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** The JSON log lines of `recert serve` from start to SIGTERM. */
  async function serveLog(level: string): Promise<LogLine[]> {
    const env = { DATABASE_URL: database.current.connectionString, SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: 'xoxb-log-level', SLACK_SIGNING_SECRET: 'log-level-secret', LOG_LEVEL: level };
    const serve = await startServe(env, await freePort());
    expect(await serve.stop()).toBe(0);
    return serve
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  it('LOG_LEVEL=debug shows Bolt debug lines, through our logger', async () => {
    const lines = await serveLog('debug');
    expect(lines.filter((l) => l.from === 'bolt' && l.level === 'debug').length).toBeGreaterThan(0);
  }, 60_000);

  it('LOG_LEVEL=info shows none', async () => {
    const lines = await serveLog('info');
    expect(lines.some((l) => l.message === 'slack adapter started')).toBe(true);
    expect(lines.filter((l) => l.level === 'debug')).toEqual([]);
  }, 60_000);
});
