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
      encryptionKeys: null,
      exportDir: './recert-exports',
    });
  });

  it('reads where paperwork is written (RECERT_EXPORT_DIR), trimmed', () => {
    expect(parseConfig({ RECERT_EXPORT_DIR: ' /srv/exports ' }, defaults).exportDir).toBe('/srv/exports');
    expect(parseConfig({ RECERT_EXPORT_DIR: '' }, defaults).exportDir).toBe('./recert-exports');
  });

  it('reads the port and log level, and leaves platform settings to the adapters', () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', PORT: '8080', LOG_LEVEL: 'DEBUG' }, defaults);
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('debug');
    expect(config).not.toHaveProperty('slack');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be debug, info, warn or error'],
    [{ PORT: '99999' }, 'PORT must be a port number'],
    [{ RECERT_TIME_ZONE: 'Mars/Olympus' }, 'is not an IANA time zone'],
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
