import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';
import { isValidZone } from '../../src/domain/dates.ts';

const defaults = { timeZone: 'America/New_York', userName: 'Dana', isValidZone };

describe('parseConfig', () => {
  it('defaults to the embedded database and the terminal chat', () => {
    expect(parseConfig({}, defaults)).toEqual({
      databaseUrl: null,
      dataDir: './.recert',
      logLevel: 'info',
      port: 3000,
      timeZone: 'America/New_York',
      shellUser: 'Dana',
      slack: null,
      encryptionKeys: null,
      exportDir: './recert-exports',
    });
  });

  it('reads where paperwork is written (RECERT_EXPORT_DIR), trimmed', () => {
    expect(parseConfig({ RECERT_EXPORT_DIR: ' /srv/exports ' }, defaults).exportDir).toBe('/srv/exports');
    expect(parseConfig({ RECERT_EXPORT_DIR: '' }, defaults).exportDir).toBe('./recert-exports');
  });

  it('reads Slack for one workspace, treating empty variables as unset', () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '', PORT: '8080', LOG_LEVEL: 'DEBUG' }, defaults);
    expect(config.slack).toEqual({ signingSecret: 's', botToken: 'xoxb-1', appToken: null, oauth: null, apiUrl: null });
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('debug');
  });

  it('reads Slack OAuth for many workspaces', () => {
    const config = parseConfig({ SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'secret', SLACK_STATE_SECRET: 'state', SLACK_SIGNING_SECRET: 's' }, defaults);
    expect(config.slack?.oauth).toEqual({ clientId: 'id', clientSecret: 'secret', stateSecret: 'state' });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be debug, info, warn or error'],
    [{ PORT: '99999' }, 'PORT must be a port number'],
    [{ RECERT_TIME_ZONE: 'Mars/Olympus' }, 'is not an IANA time zone'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN must be a bot token'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'needs SLACK_SIGNING_SECRET'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'Slack needs SLACK_BOT_TOKEN'],
    [{ SLACK_CLIENT_ID: 'id', SLACK_SIGNING_SECRET: 's' }, 'Slack OAuth needs all of'],
    [{ SLACK_APP_TOKEN: 'xapp-1', SLACK_CLIENT_ID: 'i', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's' }, 'Socket Mode'],
  ])('explains %j', (env, message) => {
    expect(() => parseConfig(env, defaults)).toThrow(ConfigError);
    expect(() => parseConfig(env, defaults)).toThrow(message);
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ DATABASE_URL: 'x', LOG_LEVEL: 'y' }, defaults);
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
