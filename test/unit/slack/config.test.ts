import { describe, expect, it } from 'vitest';
import { parseSlackConfig, slackSecrets } from '../../../adapters/slack/config.ts';
import { ConfigError } from '../../../src/config.ts';

describe('parseSlackConfig (the Slack adapter reads its own settings)', () => {
  it('is null when no Slack variable is set', () => {
    expect(parseSlackConfig({ DATABASE_URL: 'postgres://x', PORT: '1' })).toBeNull();
  });

  it('reads Slack for one workspace, treating empty variables as unset', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '' })).toEqual({ signingSecret: 's', botToken: 'xoxb-1', appToken: null, oauth: null, apiUrl: null });
  });

  it('reads Slack OAuth for many workspaces', () => {
    const config = parseSlackConfig({ SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'secret', SLACK_STATE_SECRET: 'state', SLACK_SIGNING_SECRET: 's' });
    expect(config?.oauth).toEqual({ clientId: 'id', clientSecret: 'secret', stateSecret: 'state' });
    expect(slackSecrets(config)).toEqual(['s', 'secret', 'state']);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN must be a bot token'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'needs SLACK_SIGNING_SECRET'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'Slack needs SLACK_BOT_TOKEN'],
    [{ SLACK_CLIENT_ID: 'id', SLACK_SIGNING_SECRET: 's' }, 'Slack OAuth needs all of'],
    [{ SLACK_APP_TOKEN: 'xapp-1', SLACK_CLIENT_ID: 'i', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's' }, 'Socket Mode'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'ftp://x' }, 'SLACK_API_URL must be an http(s) URL'],
  ])('explains %j', (env, message) => {
    expect(() => parseSlackConfig(env)).toThrow(ConfigError);
    expect(() => parseSlackConfig(env)).toThrow(message);
  });
});
