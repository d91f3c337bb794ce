import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { freePort, startServe } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

interface LogLine {
  readonly message: string;
  readonly percent?: number | null;
  readonly source?: string;
}

describe('recert serve sets how far the heap grows between full collections', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function heapLine(nodeArgs: readonly string[]): Promise<LogLine | undefined> {
    const env = { DATABASE_URL: database.current.connectionString, SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: 'xoxb-heap', SLACK_SIGNING_SECRET: 'heap-secret', LOG_LEVEL: 'debug' };
    const serve = await startServe(env, await freePort(), nodeArgs);
    expect(await serve.stop()).toBe(0);
    const lines = serve
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
    return lines.find((line) => line.message === 'heap growth');
  }

  it('50 % by itself, said once at start', async () => {
    expect(await heapLine(['--max-semi-space-size=4'])).toMatchObject({ percent: 50, source: 'recert' });
  }, 60_000);

  it("the operator's flag on node's command line wins (0: V8's own policy)", async () => {
    expect(await heapLine(['--heap-growing-percent=0'])).toMatchObject({ percent: 0, source: 'node flags' });
  }, 60_000);
});
