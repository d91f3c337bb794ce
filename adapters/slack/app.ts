import { App, HTTPReceiver } from '@slack/bolt';
import { ErrorCode, WebClient } from '@slack/web-api';
import type { Server } from 'node:http';
import type { CoreDeps, Logger, LogLevel, SlackConfig } from '../../src/index.ts';
import { boltLogger } from './bolt-logger.ts';
import type { Sleeper } from './deliver.ts';
import { createHttpServer, listen } from './http-server.ts';
import { postgresInstallationStore } from './installation-store.ts';
import { PeopleDirectory, slackErrorCode } from './people.ts';
import { registerListeners } from './register.ts';
import type { SlackRuntime } from './runtime.ts';
import { SlackStartError } from './start-error.ts';

/** Bot scopes the app asks for at install; the manifest declares the same list (a test checks). */
export const BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'files:read', 'im:history', 'im:read', 'im:write', 'users:read'] as const;

export interface SlackAppOptions {
  readonly config: SlackConfig;
  readonly core: CoreDeps;
  readonly log: Logger;
  /** LOG_LEVEL: Bolt and its Web API clients log from here up (default info). */
  readonly logLevel?: LogLevel;
  readonly newReference: () => string;
  readonly sleep?: Sleeper;
  /** The bot's own ids when known (tests); otherwise auth.test finds them at start. */
  readonly botIdentity?: { readonly botId: string; readonly botUserId: string };
  /** Real seconds since the epoch, for Slack's replay window (Bolt checks against the real clock too). */
  readonly nowSeconds?: () => number;
}

export interface RunningSlack {
  /** The bound HTTP port, or null in Socket Mode. */
  readonly port: number | null;
  stop(): Promise<void>;
}

export { SlackStartError } from './start-error.ts';

/**
 * Start the Slack adapter: Bolt over Recert's core, behind our HTTP server in production (Bolt's
 * HTTP receiver does the signature check), or Socket Mode for local development.
 */
export async function startSlack(options: SlackAppOptions, port: number, host?: string): Promise<RunningSlack> {
  const { config, log } = options;
  const rt = runtimeOf(options);
  const logger = boltLogger(log, options.logLevel);
  // Every WebClient (ours, Bolt's, the OAuth installer's) logs through ours too, not to the console.
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logger };
  const identity = config.oauth ? {} : { ...(options.botIdentity ?? (await verifyToken(config, clientOptions))), tokenVerificationEnabled: false, token: config.botToken ?? '' };
  if (config.appToken) {
    const app = new App({ socketMode: true, appToken: config.appToken, logger, logLevel: logger.getLevel(), clientOptions, ...identity });
    registerListeners(app, rt, null);
    app.error(async (error) => log.error('slack unhandled error', { error: error.message, code: error.code }));
    await app.start();
    return { port: null, stop: () => app.stop().then(() => undefined) };
  }
  if (!config.signingSecret) throw new SlackStartError('The Slack HTTP receiver needs SLACK_SIGNING_SECRET to verify requests; refusing to start without it.');
  const store = config.oauth ? postgresInstallationStore(options.core.db, options.core.clock) : null;
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    logger,
    ...(config.oauth && store
      ? { clientId: config.oauth.clientId, clientSecret: config.oauth.clientSecret, stateSecret: config.oauth.stateSecret, scopes: [...BOT_SCOPES], installationStore: store, installerOptions: { directInstall: true, clientOptions } }
      : {}),
  });
  const app = new App({ receiver, logger, logLevel: logger.getLevel(), clientOptions, ...identity });
  registerListeners(app, rt, store);
  app.error(async (error) => log.error('slack unhandled error', { error: error.message, code: error.code }));
  const server = createHttpServer({ slack: receiver.requestListener, nowSeconds: options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)) });
  const bound = await listen(server, port, host);
  return { port: bound, stop: () => closeServer(server) };
}

function runtimeOf(options: SlackAppOptions): SlackRuntime {
  const { config, core, log } = options;
  return {
    core,
    log,
    people: new PeopleDirectory(log, () => core.clock.now().toMillis()),
    fileHosts: config.apiUrl ? [new URL(config.apiUrl).host] : [],
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    newReference: options.newReference,
  };
}

/** How long (ms) the start-up token check waits for Slack before calling it unreachable. */
const TOKEN_CHECK_TIMEOUT_MS = 10_000;

/** One workspace: check the bot token once at start, so a bad token is reported now, not on the first command. */
async function verifyToken(config: SlackConfig, clientOptions: ConstructorParameters<typeof WebClient>[1]): Promise<{ botId: string; botUserId: string }> {
  try {
    const result = await new WebClient(config.botToken ?? '', { ...clientOptions, timeout: TOKEN_CHECK_TIMEOUT_MS }).auth.test();
    return { botId: result.bot_id ?? '', botUserId: result.user_id ?? '' };
  } catch (error) {
    throw tokenCheckFailure(error, config.apiUrl ?? 'https://slack.com/api/');
  }
}

/** Slack saying no to the token (invalid_auth, token_revoked…) is not the same as Slack not answering (network, proxy, outage). */
function tokenCheckFailure(error: unknown, apiUrl: string): SlackStartError {
  const failure = error as { code?: unknown; statusCode?: unknown; original?: { cause?: { code?: unknown; message?: unknown }; message?: unknown } } | null;
  if (failure?.code === ErrorCode.PlatformError) return new SlackStartError(`Slack refused SLACK_BOT_TOKEN (${slackErrorCode(error)}). Check the token, or reinstall the app in the workspace.`);
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a timeout) is on its cause.
  const cause = failure?.original?.cause;
  const why = failure?.code === ErrorCode.HTTPError ? `HTTP ${String(failure.statusCode)}` : String(cause?.code ?? cause?.message ?? failure?.original?.message ?? slackErrorCode(error));
  return new SlackStartError(`Could not reach Slack at ${apiUrl} to check SLACK_BOT_TOKEN (${why}); check the network connection (or SLACK_API_URL) and start again.`);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
