import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { parse as parseDotenv } from 'dotenv';
import { isValidZone, parseConfig, type Config } from '../../src/index.ts';

/** The environment with a `.env` file (if any) underneath: real variables win over the file. */
export function loadEnvironment(cwd: string, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const file = `${cwd}/.env`;
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...env };
}

/** The core's settings from a loaded environment (`env`: the process's own, for the user's name). */
export function configFrom(environment: Readonly<Record<string, string | undefined>>, env: NodeJS.ProcessEnv): Config {
  return parseConfig(environment, {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    userName: localUserName(env),
    isValidZone,
  });
}

function localUserName(env: NodeJS.ProcessEnv): string {
  const name = env.USER ?? env.USERNAME ?? safeUserInfo() ?? 'you';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function safeUserInfo(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}
