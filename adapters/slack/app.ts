import { App, HTTPReceiver, type InstallationStore, type InstallProviderOptions } from '@slack/bolt';
import { ErrorCode, WebClient } from '@slack/web-api';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { InboxDrainer, type CoreDeps, type Db, type Logger, type LogLevel, type SecretBox } from '../../src/index.ts';
import type { AdmissionLimits } from '../server/admission.ts';
import { openFrontDoor, respond } from '../server/front-door.ts';
import type { PlatformAdapter } from '../server/platform-adapter.ts';
import { boltLogger } from './bolt-logger.ts';
import { installedClients, singleWorkspaceClients, type SlackClients } from './clients.ts';
import type { Sleeper } from './deliver.ts';
import type { SlackConfig } from './config.ts';
import { slackTimestampGuard } from './http-guard.ts';
import { PLATFORM } from './inbound/accept.ts';
import { AckGauge } from './inbound/ack-gauge.ts';
import { slackInboundHandler } from './inbound/handler.ts';
import { postgresInstallationStore } from './installation-store.ts';
import { postgresStateStore } from './oauth-state-store.ts';
import { PeopleDirectory, slackErrorCode } from './people.ts';
import { registerListeners } from './register.ts';
import { responder } from './respond.ts';
import { shedSlack } from './shed.ts';
import type { SlackRuntime } from './runtime.ts';
import { SlackStartError } from './start-error.ts';

/** Bot scopes the app asks for at install; the manifest declares the same list (a test checks). */
export const BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'files:read', 'files:write', 'im:history', 'im:read', 'im:write', 'users:read'] as const;

export interface SlackAppOptions {
  readonly config: SlackConfig;
  readonly core: CoreDeps;
  /** Where deliveries are stored before their ack (a small pool of its own); the core's db when absent. */
  readonly ingress?: Db;
  /** Deliveries this process works on at once (the rest wait in the inbox). */
  readonly inboxConcurrency?: number;
  /** This process is the database's only user (the embedded database): see DrainerOptions.exclusive. */
  readonly exclusiveDatabase?: boolean;
  readonly log: Logger;
  /** LOG_LEVEL: Bolt and its Web API clients log from here up (default info). */
  readonly logLevel?: LogLevel;
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

export { SlackStartError } from './start-error.ts';

/** Start the Slack adapter alone behind its own front door (tests, and `serve` when Slack is the only platform). */
export async function startSlack(options: SlackAppOptions, port: number, host?: string, limits?: Partial<AdmissionLimits>): Promise<RunningSlack> {
  return openFrontDoor([await createSlackAdapter(options)], port, host, (error) => options.log.error('slack route failed', { error: String(error) }), limits);
}

/**
 * The Slack adapter: Bolt over Recert's core, mounted on the front door under `/slack/*` in
 * production (Bolt's HTTP receiver does the signature check; the front door's guard the replay
 * window), or Socket Mode for local development (no routes). The bot token is checked here, once.
 */
export async function createSlackAdapter(options: SlackAppOptions): Promise<PlatformAdapter> {
  const { config, log } = options;
  const logger = boltLogger(log, options.logLevel);
  // Every WebClient (ours, Bolt's, the OAuth installer's) logs through ours too, not to the console.
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logger };
  if (!config.appToken && !config.signingSecret) throw new SlackStartError('The Slack HTTP receiver needs SLACK_SIGNING_SECRET to verify requests; refusing to start without it.');
  const bot = config.oauth ? null : (options.botIdentity ?? (await verifyToken(config, clientOptions)));
  const identity = bot ? { ...bot, tokenVerificationEnabled: false, token: config.botToken ?? '' } : {};
  const store = config.oauth ? postgresInstallationStore(options.core.db, options.core.clock, options.secrets ?? null) : null;
  const clients: SlackClients = store ? installedClients(store, clientOptions) : singleWorkspaceClients(config.botToken ?? '', bot?.botUserId ?? '', clientOptions);
  let inbox: { rt: SlackRuntime; drainer: InboxDrainer } | null = null;
  const stopInbox = async () => void (await inbox?.drainer.stop());
  if (config.appToken) {
    const appToken = config.appToken;
    let app: App | null = null;
    return {
      name: 'slack',
      start: async () => {
        inbox = startInbox(options, clients);
        app = new App({ socketMode: true, appToken, logger, logLevel: logger.getLevel(), clientOptions, ...identity });
        registerListeners(app, inbox.rt, null);
        app.error(rethrowing(log));
        await app.start();
      },
      stop: async () => (await app?.stop(), await stopInbox()),
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret ?? '',
    logger,
    // The HTTP answer waits for the listener: a delivery is stored in the inbox before Slack hears "200".
    processBeforeResponse: true,
    ...(store ? oauthOptions(options, store, clientOptions) : {}),
  });
  const app = new App({ receiver, logger, logLevel: logger.getLevel(), clientOptions, ...identity });
  app.error(rethrowing(log));
  const listener = receiver.requestListener;
  return {
    name: 'slack',
    guard: slackTimestampGuard(options.nowSeconds ?? (() => Math.floor(Date.now() / 1000))),
    shed: shedSlack,
    routes: [{ path: '/slack/*', handle: (req, res) => boltRoute(listener, req, res) }],
    start: async () => {
      inbox = startInbox(options, clients);
      registerListeners(app, inbox.rt, store);
    },
    // The front door has stopped taking requests: let the workers finish what they hold.
    stop: stopInbox,
  };
}

/** Bolt's listener throws for paths it does not serve (as its own server would, answer 404). */
function boltRoute(listener: RequestListener, req: IncomingMessage, res: ServerResponse): void {
  try {
    listener(req, res);
  } catch {
    if (!res.headersSent) respond(res, 404, 'not found');
  }
}

/**
 * Bolt's global error handler: log, then fail the request. Swallowing the error would make Bolt
 * answer 200 to an event whose delivery could not be stored, and Slack would never send it again.
 */
function rethrowing(log: Logger): (error: Error & { code?: string }) => Promise<void> {
  return async (error) => {
    log.error('slack request failed', { error: error.message, code: error.code });
    throw error;
  };
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

/** The runtime every handler gets, and the workers that process what the handlers store. */
function startInbox(options: SlackAppOptions, clients: SlackClients): { rt: SlackRuntime; drainer: InboxDrainer } {
  const { config, core, log } = options;
  const extraHosts = config.apiUrl ? [new URL(config.apiUrl).host] : [];
  const wake = { kick: (): void => undefined };
  const acks = new AckGauge(ACK_QUEUE_BOUND);
  const rt: SlackRuntime = {
    core,
    ingress: options.ingress ?? core.db,
    log,
    people: new PeopleDirectory(log, () => core.clock.now().toMillis()),
    clients,
    respond: responder(extraHosts),
    fileHosts: extraHosts,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    newReference: options.newReference,
    kick: () => wake.kick(),
    acks,
  };
  const handlers = new Map([[PLATFORM, slackInboundHandler(rt)]]);
  const concurrency = options.inboxConcurrency ?? 8;
  const drainer = new InboxDrainer({ db: core.db, clock: core.clock, log, newReference: options.newReference }, handlers, {
    concurrency,
    exclusive: options.exclusiveDatabase === true,
    holdBack: () => acks.crowded(),
    heldConcurrency: Math.ceil(concurrency * HELD_SHARE),
  });
  wake.kick = () => drainer.kick();
  drainer.start();
  return { rt, drainer };
}

/** Acknowledgements storing at once from which the workers hold back: twice the acknowledgement pool (INGRESS_POOL_MAX). */
const ACK_QUEUE_BOUND = 8;

/** The share of the inbox's workers kept busy while held back (docs/benchmarks.md, "Work rate under sustained load"). */
const HELD_SHARE = 0.5;

/** How long (ms) the start-up token check waits for Slack before calling it unreachable. */
const TOKEN_CHECK_TIMEOUT_MS = 10_000;

/** One workspace: check the bot token once at start, so a bad token is reported now, not on the first command. */
async function verifyToken(config: SlackConfig, clientOptions: ConstructorParameters<typeof WebClient>[1]): Promise<{ botId: string; botUserId: string }> {
  try {
    // The client's own warning ("http request failed…") would precede the one line that reports the
    // failure (tokenCheckFailure): at start it is a debug detail, so the operator reads one line.
    const logger = clientOptions?.logger ? { ...clientOptions.logger, warn: clientOptions.logger.debug } : undefined;
    const result = await new WebClient(config.botToken ?? '', { ...clientOptions, ...(logger ? { logger } : {}), timeout: TOKEN_CHECK_TIMEOUT_MS }).auth.test();
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
