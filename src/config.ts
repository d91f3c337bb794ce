import { z } from 'zod';
import { parseKeySpec } from './secrets/key-spec.ts';
import type { EncryptionKey } from './secrets/secret-box.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface SlackConfig {
  readonly signingSecret: string | null;
  readonly botToken: string | null;
  /** Socket Mode (local development) when set. */
  readonly appToken: string | null;
  readonly oauth: { readonly clientId: string; readonly clientSecret: string; readonly stateSecret: string } | null;
  /** Web API base URL override (proxies, tests), e.g. `http://127.0.0.1:9999/api/`. */
  readonly apiUrl: string | null;
}

export interface Config {
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly port: number;
  /** IANA zone for the local (terminal) organisation. */
  readonly timeZone: string;
  /** Who is speaking in the terminal chat at start. */
  readonly shellUser: string;
  readonly slack: SlackConfig | null;
  /**
   * RECERT_ENCRYPTION_KEY: the first key encrypts stored tokens, all of them decrypt (rotation).
   * Null when unset: the embedded database then uses a key file in its data directory.
   */
  readonly encryptionKeys: readonly EncryptionKey[] | null;
  /** RECERT_EXPORT_DIR: where the terminal and `recert export` write paperwork (relative to the working directory). */
  readonly exportDir: string;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const optional = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : null));

const schema = z.object({
  DATABASE_URL: optional.refine((v) => v === null || /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must start with postgres:// or postgresql://'),
  RECERT_DATA_DIR: optional,
  RECERT_EXPORT_DIR: optional,
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim().toLowerCase() : undefined),
    z.enum(['debug', 'info', 'warn', 'error'], { errorMap: () => ({ message: 'LOG_LEVEL must be debug, info, warn or error' }) }).optional(),
  ),
  PORT: optional.refine((v) => v === null || (/^\d{1,5}$/.test(v) && Number(v) > 0 && Number(v) < 65536), 'PORT must be a port number (1-65535)'),
  RECERT_TIME_ZONE: optional,
  RECERT_USER: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional.refine((v) => v === null || v.startsWith('xoxb-'), 'SLACK_BOT_TOKEN must be a bot token (xoxb-…)'),
  SLACK_APP_TOKEN: optional.refine((v) => v === null || v.startsWith('xapp-'), 'SLACK_APP_TOKEN must be an app-level token (xapp-…)'),
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_API_URL: optional.refine((v) => v === null || /^https?:\/\//.test(v), 'SLACK_API_URL must be an http(s) URL'),
  RECERT_ENCRYPTION_KEY: optional.transform((v, ctx) => {
    if (v === null) return null;
    const { keys, problems } = parseKeySpec(v, 'RECERT_ENCRYPTION_KEY');
    for (const message of problems) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    return keys;
  }),
});

export interface ConfigDefaults {
  readonly timeZone: string;
  readonly userName: string;
  readonly isValidZone: (zone: string) => boolean;
}

/** Read the configuration once, from the environment the composition root passes in. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, defaults: ConfigDefaults): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
  const e = parsed.data;
  const timeZone = e.RECERT_TIME_ZONE ?? defaults.timeZone;
  if (!defaults.isValidZone(timeZone)) throw new ConfigError([`RECERT_TIME_ZONE "${timeZone}" is not an IANA time zone (e.g. America/New_York)`]);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RECERT_DATA_DIR ?? './.recert',
    logLevel: e.LOG_LEVEL ?? 'info',
    port: e.PORT ? Number(e.PORT) : 3000,
    timeZone,
    shellUser: e.RECERT_USER ?? defaults.userName,
    slack: slackConfig(e),
    encryptionKeys: e.RECERT_ENCRYPTION_KEY,
    exportDir: e.RECERT_EXPORT_DIR ?? './recert-exports',
  };
}

function slackConfig(e: z.infer<typeof schema>): SlackConfig | null {
  const any = [e.SLACK_SIGNING_SECRET, e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET].some((v) => v);
  if (!any) return null;
  const oauthParts = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  const problems: string[] = [];
  if (oauthParts.some((v) => v) && !oauthParts.every((v) => v)) {
    problems.push('Slack OAuth needs all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET');
  }
  const oauth = e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET } : null;
  if (!oauth && !e.SLACK_BOT_TOKEN) problems.push('Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET/STATE_SECRET (OAuth)');
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) problems.push('Slack over HTTP needs SLACK_SIGNING_SECRET to verify requests (or SLACK_APP_TOKEN for Socket Mode)');
  if (e.SLACK_APP_TOKEN && oauth) problems.push('Socket Mode (SLACK_APP_TOKEN) serves one workspace: use SLACK_BOT_TOKEN, not OAuth');
  if (problems.length) throw new ConfigError(problems);
  return { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, oauth, apiUrl: e.SLACK_API_URL };
}
