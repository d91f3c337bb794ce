import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/** `recert serve` refuses a Teams configuration it cannot run safely, in one line, before opening the database. */
describe('recert serve with Teams settings', () => {
  it.each([
    [{ MicrosoftAppId: 'app-1' }, 'Teams needs MicrosoftAppType'],
    [{ MicrosoftAppId: 'app-1', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'pw' }, 'SingleTenant needs MicrosoftAppTenantId'],
    [{ RECERT_TEAMS_DEV: '1', MicrosoftAppId: 'app-1' }, 'RECERT_TEAMS_DEV=1 runs Teams without credentials'],
  ])('%j is refused with a line naming the setting', async (env, message) => {
    const result = await runCli(['serve'], { env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', ...env }, timeoutMs: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('pw');
  });
});
