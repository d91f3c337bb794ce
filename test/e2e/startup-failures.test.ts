import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakePostgres } from '../fakes/fake-postgres.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { runCli, type CliResult } from '../support/run-cli.ts';
import { freePort } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
// Each test starts one or two child processes: seconds each on a quiet machine, tens under load.
vi.setConfig({ testTimeout: 120_000 });
/**
 * A refusal, not a hang (the /proc/nope start never exited). Every failure here is known before any
 * real work starts and takes 1–5 s on a quiet machine, but this suite shares 2 cores (8–14 s seen at
 * load average 20): the bound only catches a start that waits forever. Start-up speed is measured by
 * `npm run bench:startup`, not here.
 */
const FAIL_FAST_MS = 30_000;

/** The one line a failed start leaves on stderr (asserting that there is exactly one). */
function onlyLine(result: CliResult): string {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.code).toBe(1);
  expect(result.elapsedMs).toBeLessThan(FAIL_FAST_MS);
  return lines[0] ?? '';
}

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

describe('a PostgreSQL server behind DATABASE_URL that cannot be used', () => {
  it('names DATABASE_URL when nothing listens at the port', async () => {
    const port = await freePort();
    const line = onlyLine(await runCli(['shell'], { env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/recert` }, timeoutMs: 20_000 }));
    expect(line).toBe(`DATABASE_URL: nothing is listening at 127.0.0.1:${port} (connection refused); is PostgreSQL running there?`);
  });

  it('names the database that does not exist (3D000)', async () => {
    const server = await startFakePostgres({ code: '3D000', message: 'database "recert_nope" does not exist' });
    try {
      const line = onlyLine(await runCli(['shell'], { env: { DATABASE_URL: server.url('postgres', 'recert_nope') } }));
      expect(line).toMatch(/^DATABASE_URL: there is no database "recert_nope" at 127\.0\.0\.1:\d+; create it \(createdb recert_nope\)/);
    } finally {
      await server.close();
    }
  });

  it('names the user the server does not let in (28000), and never shows the password', async () => {
    const server = await startFakePostgres({ code: '28000', message: 'role "nobody" does not exist' });
    try {
      const result = await runCli(['migrate'], { env: { DATABASE_URL: server.url('nobody:hunter2-secret', 'recert') } });
      expect(onlyLine(result)).toMatch(/^DATABASE_URL: 127\.0\.0\.1:\d+ does not let user "nobody" in: role "nobody" does not exist\.$/);
      expect(result.stderr + result.stdout).not.toContain('hunter2');
    } finally {
      await server.close();
    }
  });

  it('says the password is wrong (28P01)', async () => {
    const server = await startFakePostgres({ code: '28P01', message: 'password authentication failed for user "scribe"' });
    try {
      expect(onlyLine(await runCli(['shell'], { env: { DATABASE_URL: server.url('scribe:wrong', 'recert') } }))).toMatch(/^DATABASE_URL: wrong password for user "scribe" at 127\.0\.0\.1:\d+\.$/);
    } finally {
      await server.close();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('says so for a real server, too: an unknown database and an unknown role', async () => {
    const real = new URL(process.env.DATABASE_URL ?? '');
    const unknownDb = new URL(real);
    unknownDb.pathname = '/recert_no_such_database';
    expect(onlyLine(await runCli(['shell'], { env: { DATABASE_URL: unknownDb.toString() } }))).toContain('there is no database "recert_no_such_database"');
    const unknownRole = new URL(real);
    unknownRole.username = 'recert_no_such_role';
    expect(onlyLine(await runCli(['shell'], { env: { DATABASE_URL: unknownRole.toString() } }))).toContain('does not let user "recert_no_such_role" in');
  });
});

describe('an embedded data directory (RECERT_DATA_DIR) that cannot be used', () => {
  it('refuses a second process on the same directory in one sentence', async () => {
    const dataDir = await tempDir('recert-inuse-');
    try {
      await writeFile(path.join(dataDir, 'recert.lock'), String(process.pid));
      expect(onlyLine(await runCli(['shell'], { env: { RECERT_DATA_DIR: dataDir } }))).toBe(
        `another Recert process (pid ${process.pid}) is using ${dataDir}; stop it first or set RECERT_DATA_DIR to another folder`,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a folder it may not write to, and leaves it as it was', async () => {
    // root writes anywhere chmod allows nothing; /sys refuses even root.
    const asRoot = process.getuid?.() === 0;
    const parent = await tempDir('recert-readonly-');
    const dataDir = asRoot ? '/sys/kernel' : parent;
    try {
      if (!asRoot) await chmod(parent, 0o500);
      const before = await readdir(dataDir);
      const line = onlyLine(await runCli(['shell'], { env: { RECERT_DATA_DIR: dataDir } }));
      expect(line).toMatch(new RegExp(`^RECERT_DATA_DIR: the embedded database cannot keep its files in "${dataDir}": .* \\((EACCES|EPERM|EROFS)\\)\\. Set RECERT_DATA_DIR to a folder you can write to`));
      expect(await readdir(dataDir)).toEqual(before);
    } finally {
      await chmod(parent, 0o700);
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('refuses a path under a file', async () => {
    const dir = await tempDir('recert-notdir-');
    try {
      await writeFile(path.join(dir, 'plain-file'), 'x');
      const line = onlyLine(await runCli(['shell'], { env: { RECERT_DATA_DIR: path.join(dir, 'plain-file', 'data') } }));
      expect(line).toContain('part of the path is a file, not a folder (ENOTDIR)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === 'linux')('refuses /proc/nope at once instead of hanging', async () => {
    const line = onlyLine(await runCli(['shell'], { env: { RECERT_DATA_DIR: '/proc/nope' }, timeoutMs: 20_000 }));
    expect(line).toBe(
      'RECERT_DATA_DIR: the embedded database cannot keep its files in "/proc/nope": the folder cannot be created there (ENOENT). Set RECERT_DATA_DIR to a folder you can write to, or DATABASE_URL to a PostgreSQL server.',
    );
  });
});

describe('a Node that cannot run Recert', () => {
  it('is refused in one line that says which Node is needed and how to get it', async () => {
    // Node 24 with type stripping turned off stands in for an old Node (20 has none).
    const line = onlyLine(await runCli(['shell'], { nodeArgs: ['--no-experimental-strip-types'] }));
    expect(line).toMatch(/^Recert needs Node\.js 22\.19 or newer with TypeScript type stripping \(this is v\d+\.\d+\.\d+ with type stripping turned off\): run it through npm \(npm start, npm test\), .*nodejs\.org/);
  });
});

describe('the Slack token check at start', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
  });
  afterAll(async () => {
    await fake?.close();
  });
  const slackEnv = (token: string, apiUrl: string, logLevel = 'error') => ({
    DATABASE_URL: database.current.connectionString,
    SLACK_BOT_TOKEN: token,
    SLACK_SIGNING_SECRET: 'startup-signing-secret',
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: logLevel,
  });

  it('reports a token Slack refuses as refused', async () => {
    const line = onlyLine(await runCli(['serve'], { env: slackEnv('xoxb-invalid-token', fake.apiUrl) }));
    expect(line).toBe('Slack refused SLACK_BOT_TOKEN (invalid_auth). Check the token, or reinstall the app in the workspace.');
  });

  it('reports a Slack it cannot reach as unreachable, not as a refused token', async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}/api/`;
    const line = onlyLine(await runCli(['serve'], { env: slackEnv('xoxb-fine-token', apiUrl) }));
    expect(line).toBe(`Could not reach Slack at ${apiUrl} to check SLACK_BOT_TOKEN (ECONNREFUSED); check the network connection (or SLACK_API_URL) and start again.`);
  });

  it("logs the Web API client's own lines through Recert's logger (JSON, token redacted); at start its warning is a debug detail, so the default level shows one line", async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}/api/`;
    const result = await runCli(['serve'], { env: slackEnv('xoxb-fine-token', apiUrl, 'debug') });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toContain('Could not reach Slack');
    const logged = lines.slice(0, -1).map((line) => JSON.parse(line) as { level: string; from?: string; message: string });
    expect(logged).toContainEqual(expect.objectContaining({ level: 'debug', from: 'bolt', message: expect.stringContaining('http request failed') as unknown }));
    expect(result.stderr).not.toContain('xoxb-fine-token');
    // Issue 6, item 10b (found in review): at the default LOG_LEVEL the operator reads the one sentence only.
    expect(onlyLine(await runCli(['serve'], { env: { ...slackEnv('xoxb-fine-token', apiUrl), LOG_LEVEL: undefined } }))).toContain('Could not reach Slack');
  });
});
