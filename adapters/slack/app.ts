import { App, HTTPReceiver, type InstallationStore, type InstallProviderOptions } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Server } from 'node:http';
import type { CoreDeps, Logger, SecretBox, SlackConfig } from '../../src/index.ts';
import { boltLogger } from './bolt-logger.ts';
import type { Sleeper } from './deliver.ts';
import { createHttpServer, listen } from './http-server.ts';
import { postgresInstallationStore } from './installation-store.ts';
import { postgresStateStore } from './oauth-state-store.ts';
import { PeopleDirectory, slackErrorCode } from './people.ts';
import { registerListeners } from './register.ts';
import type { SlackRuntime } from './runtime.ts';

/** Bot scopes the app asks for at install; the manifest declares the same list (a test checks). */
export const BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'files:read', 'im:history', 'im:read', 'im:write', 'users:read'] as const;

export interface SlackAppOptions {
  readonly config: SlackConfig;
  readonly core: CoreDeps;
  readonly log: Logger;
  readonly newReference: () => string;
  readonly sleep?: Sleeper;
  /** The bot's own ids when known (tests); otherwise auth.test finds them at start. */
  readonly botIdentity?: { readonly botId: string; readonly botUserId: string };
  /** Real seconds since the epoch, for Slack's replay window (Bolt checks against the real clock too). */
  readonly nowSeconds?: () => number;
  /** Encrypts installation tokens (OAuth). Absent or null: no key, so installs are refused, never stored in clear. */
  readonly secrets?: SecretBox | null;
}

export interface RunningSlack {
  /** The bound HTTP port, or null in Socket Mode. */
  readonly port: number | null;
  stop(): Promise<void>;
}

export class SlackStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackStartError';
  }
}

/**
 * Start the Slack adapter: Bolt over Recert's core, behind our HTTP server in production (Bolt's
 * HTTP receiver does the signature check), or Socket Mode for local development.
 */
export async function startSlack(options: SlackAppOptions, port: number, host?: string): Promise<RunningSlack> {
  const { config, log } = options;
  const rt = runtimeOf(options);
  const logger = boltLogger(log);
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), rejectRateLimitedCalls: true, retryConfig: { retries: 0 } };
  const identity = config.oauth ? {} : { ...(options.botIdentity ?? (await verifyToken(config, clientOptions))), tokenVerificationEnabled: false, token: config.botToken ?? '' };
  if (config.appToken) {
    const app = new App({ socketMode: true, appToken: config.appToken, logger, clientOptions, ...identity });
    registerListeners(app, rt, null);
    app.error(async (error) => log.error('slack unhandled error', { error: error.message, code: error.code }));
    await app.start();
    return { port: null, stop: () => app.stop().then(() => undefined) };
  }
  if (!config.signingSecret) throw new SlackStartError('The Slack HTTP receiver needs SLACK_SIGNING_SECRET to verify requests; refusing to start without it.');
  const store = config.oauth ? postgresInstallationStore(options.core.db, options.core.clock, options.secrets ?? null) : null;
  const receiver = new HTTPReceiver({ signingSecret: config.signingSecret, logger, ...(store ? oauthOptions(options, store, clientOptions) : {}) });
  const app = new App({ receiver, logger, clientOptions, ...identity });
  registerListeners(app, rt, store);
  app.error(async (error) => log.error('slack unhandled error', { error: error.message, code: error.code }));
  const server = createHttpServer({ slack: receiver.requestListener, nowSeconds: options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)) });
  const bound = await listen(server, port, host);
  return { port: bound, stop: () => closeServer(server) };
}

/** OAuth install for many workspaces: tokens in our installation store, single-use states in our state store. */
function oauthOptions(options: SlackAppOptions, installationStore: InstallationStore, clientOptions: InstallProviderOptions['clientOptions']) {
  const { config, core, log } = options;
  if (!config.oauth) return {};
  if (!options.secrets) log.error('Slack OAuth is configured but RECERT_ENCRYPTION_KEY is not: installs will be refused until a key is set (tokens are stored only encrypted)');
  const stateStore = postgresStateStore(core.db, core.clock);
  const { clientId, clientSecret, stateSecret } = config.oauth;
  return { clientId, clientSecret, stateSecret, scopes: [...BOT_SCOPES], installationStore, installerOptions: { directInstall: true, clientOptions, stateStore } };
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

/** One workspace: check the bot token once at start, so a bad token is reported now, not on the first command. */
async function verifyToken(config: SlackConfig, clientOptions: ConstructorParameters<typeof WebClient>[1]): Promise<{ botId: string; botUserId: string }> {
  try {
    const result = await new WebClient(config.botToken ?? '', clientOptions).auth.test();
    return { botId: result.bot_id ?? '', botUserId: result.user_id ?? '' };
  } catch (error) {
    throw new SlackStartError(`Slack refused SLACK_BOT_TOKEN (${slackErrorCode(error)}). Check the token, or reinstall the app in the workspace.`);
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
