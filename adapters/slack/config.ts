import { z } from 'zod';
import { ConfigError } from '../../src/index.ts';

/** Slack's platform settings: the adapter's own, parsed from the environment the command line passes in. */
export interface SlackConfig {
  readonly signingSecret: string | null;
  readonly botToken: string | null;
  /** Socket Mode (local development) when set. */
  readonly appToken: string | null;
  readonly oauth: { readonly clientId: string; readonly clientSecret: string; readonly stateSecret: string } | null;
  /** Web API base URL override (proxies, tests), e.g. `http://127.0.0.1:9999/api/`. */
  readonly apiUrl: string | null;
}

const optional = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : null));

const schema = z.object({
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional.refine((v) => v === null || v.startsWith('xoxb-'), 'SLACK_BOT_TOKEN must be a bot token (xoxb-…)'),
  SLACK_APP_TOKEN: optional.refine((v) => v === null || v.startsWith('xapp-'), 'SLACK_APP_TOKEN must be an app-level token (xapp-…)'),
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_API_URL: optional.refine((v) => v === null || /^https?:\/\//.test(v), 'SLACK_API_URL must be an http(s) URL'),
});

/** Slack's settings, or null when none of them is set (Slack is not configured). Problems: a ConfigError listing each. */
export function parseSlackConfig(env: Readonly<Record<string, string | undefined>>): SlackConfig | null {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
  const e = parsed.data;
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

/** The settings no log line may carry verbatim. */
export function slackSecrets(config: SlackConfig | null): string[] {
  if (!config) return [];
  return [config.signingSecret, config.botToken, config.appToken, config.oauth?.clientSecret, config.oauth?.stateSecret].filter((s): s is string => Boolean(s));
}
