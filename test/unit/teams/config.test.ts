import { describe, expect, it } from 'vitest';
import { parseTeamsConfig, teamsSecrets } from '../../../adapters/teams/config.ts';
import { ConfigError } from '../../../src/config.ts';

describe('parseTeamsConfig (the Teams adapter reads its own settings)', () => {
  it('is null when nothing is set, dev mode with RECERT_TEAMS_DEV=1 alone', () => {
    expect(parseTeamsConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBeNull();
    expect(parseTeamsConfig({ RECERT_TEAMS_DEV: '1' })).toEqual({ mode: 'dev' });
  });

  it('reads a single-tenant bot, the app type in any case', () => {
    const config = parseTeamsConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'singletenant', MicrosoftAppTenantId: 'tid' });
    expect(config).toEqual({ mode: 'authenticated', appId: 'app', appPassword: 'pw', appType: 'SingleTenant', tenantId: 'tid' });
    expect(teamsSecrets(config)).toEqual(['pw']);
  });

  it('reads a user-assigned managed identity (tenant, no password)', () => {
    expect(parseTeamsConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tid' })).toEqual({ mode: 'authenticated', appId: 'app', appPassword: null, appType: 'UserAssignedMSI', tenantId: 'tid' });
  });

  it.each([
    [{ MicrosoftAppId: 'app' }, 'Teams needs MicrosoftAppType'],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't' }, 'Teams needs MicrosoftAppId'],
    [{ MicrosoftAppId: 'a', MicrosoftAppType: 'Bogus' }, 'MicrosoftAppType must be SingleTenant, UserAssignedMSI or MultiTenant'],
    [{ MicrosoftAppId: 'a', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'pw' }, 'SingleTenant needs MicrosoftAppTenantId'],
    [{ MicrosoftAppId: 'a', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }, 'SingleTenant needs MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: 'pw' }, 'UserAssignedMSI needs MicrosoftAppTenantId'],
    [{ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'pw' }, 'takes no MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'a', MicrosoftAppType: 'MultiTenant' }, 'MultiTenant needs MicrosoftAppPassword'],
    [{ RECERT_TEAMS_DEV: '1', MicrosoftAppId: 'a' }, 'RECERT_TEAMS_DEV=1 runs Teams without credentials'],
    [{ RECERT_TEAMS_DEV: 'yes' }, 'RECERT_TEAMS_DEV must be 1'],
  ])('explains %j', (env, message) => {
    expect(() => parseTeamsConfig(env)).toThrow(ConfigError);
    expect(() => parseTeamsConfig(env)).toThrow(message);
  });
});
