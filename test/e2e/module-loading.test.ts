import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliOptions } from '../support/run-cli.ts';
import { freePort, startServe } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const HOOK = fileURLToPath(new URL('../support/module-log-hook.ts', import.meta.url));
/** Slack's, Teams' and HTTP servers' SDKs: the terminal commands need none of them. */
const PLATFORM_SDK = /\/node_modules\/(@slack\/|@microsoft\/|botbuilder|botframework-|express\/)/;
/** The paperwork libraries (PDF, fonts, zip, CSV): loaded on the first export, not at start. */
const PAPERWORK_LIBS = /\/node_modules\/(pdfkit|fontkit|fflate|csv-stringify|dejavu-fonts-ttf)\//;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'recert-modules-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Run recert with the module-log hook; the URLs of every module the process loaded. */
async function modulesLoadedBy(name: string, args: readonly string[], options: CliOptions = {}): Promise<string[]> {
  const log = path.join(dir, `${name}.txt`);
  const result = await runCli(args, { ...options, nodeArgs: ['--import', HOOK], env: { RECERT_TEST_MODULE_LOG: log, ...options.env } });
  expect(result.stderr.includes('Recert stopped'), result.stderr).toBe(false);
  return (await readFile(log, 'utf8')).split('\n');
}

describe('recert loads a platform adapter only when it is configured', () => {
  it('`recert parse` loads no platform SDK', async () => {
    const loaded = await modulesLoadedBy('parse', ['parse', '--json', 'MLN webinar, 45 min']);
    expect(loaded.some((url) => url.endsWith('/adapters/cli/commands/parse.ts'))).toBe(true);
    expect(loaded.filter((url) => PLATFORM_SDK.test(url))).toEqual([]);
    expect(loaded.filter((url) => PAPERWORK_LIBS.test(url))).toEqual([]);
  });

  it('`recert shell`, and `recert serve` with no platform configured, load no platform SDK', async () => {
    for (const command of ['shell', 'serve']) {
      const loaded = await modulesLoadedBy(command, [command], { input: 'status\n', env: { DATABASE_URL: database.current.connectionString } });
      expect(loaded.some((url) => url.endsWith('/adapters/shell/run-shell.ts'))).toBe(true);
      expect(loaded.filter((url) => PLATFORM_SDK.test(url))).toEqual([]);
      expect(loaded.filter((url) => PAPERWORK_LIBS.test(url))).toEqual([]);
    }
  });

  it('`recert export` loads pdfkit only to make a PDF (the hook sees it), and no platform SDK', async () => {
    const env = { DATABASE_URL: database.current.connectionString };
    await runCli(['shell'], { input: 'as Pat\nstatus\n', env: { ...env, RECERT_USER: 'Pat' } });
    const loaded = await modulesLoadedBy('export', ['export', 'transcript', '--org', 'local', '--person', 'pat', '--out', path.join(dir, 'out')], { env });
    expect(loaded.some((url) => url.includes('/node_modules/pdfkit/'))).toBe(true);
    expect(loaded.filter((url) => PLATFORM_SDK.test(url))).toEqual([]);
  }, 90_000);

  it('`recert serve` with Slack configured loads Bolt (the hook sees it)', async () => {
    const env = { DATABASE_URL: database.current.connectionString, SLACK_BOT_TOKEN: 'xoxb-modules', SLACK_SIGNING_SECRET: 'modules-secret', SLACK_API_URL: `http://127.0.0.1:${await freePort()}/api/`, LOG_LEVEL: 'error' };
    const log = path.join(dir, 'serve-slack.txt');
    const result = await runCli(['serve'], { nodeArgs: ['--import', HOOK], env: { RECERT_TEST_MODULE_LOG: log, ...env } });
    expect(result.stderr).toContain('Could not reach Slack'); // it stops at the token check, after loading the adapter
    expect((await readFile(log, 'utf8')).split('\n').some((url) => url.includes('/node_modules/@slack/bolt/'))).toBe(true);
  });

  it('`recert serve` with Teams configured loads teams-ai and botbuilder (the hook sees them), and not Bolt', async () => {
    const log = path.join(dir, 'serve-teams.txt');
    const env = { DATABASE_URL: database.current.connectionString, LOG_LEVEL: 'error', RECERT_TEST_MODULE_LOG: log, MicrosoftAppId: 'app-modules', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-modules', MicrosoftAppPassword: 'modules-secret' };
    const serve = await startServe(env, await freePort(), ['--import', HOOK]);
    await serve.stop(); // the hook writes its list when the process exits
    const loaded = (await readFile(log, 'utf8')).split('\n');
    expect(loaded.some((url) => url.includes('/node_modules/@microsoft/teams-ai/'))).toBe(true);
    expect(loaded.some((url) => /\/node_modules\/botbuilder(-core)?\//.test(url))).toBe(true);
    expect(loaded.some((url) => url.endsWith('/adapters/teams/app.ts'))).toBe(true);
    expect(loaded.filter((url) => url.includes('/node_modules/@slack/'))).toEqual([]);
  }, 90_000);
});
