import { Application, TeamsAdapter, type AdaptiveCard as TeamsAiCard } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { InboxDrainer, type CoreDeps, type Logger } from '../../src/index.ts';
import { makePaperworkFiles } from '../common/paperwork/make-files.ts';
import type { PlatformAdapter } from '../server/platform-adapter.ts';
import { botFrameworkSettings, type TeamsConfig } from './config.ts';
import type { TeamsFileOptions } from './file-download.ts';
import { expressLike, readJsonBody } from './http.ts';
import { VERB_PREFIX } from './render/card-actions.ts';
import { exportHandler, TEAMS_INBOX_PLATFORM } from './export-job.ts';
import { TeamsConnector } from './outbound/connector.ts';
import type { PaperworkMaker, TeamsRuntime } from './runtime.ts';
import { onCardAction } from './turns/card-action.ts';
import { onFileConsent } from './turns/file-consent.ts';
import { botMembership, installationAction, onInstallation } from './turns/installation.ts';
import { onMessage } from './turns/message.ts';
import { answerUnreadable, refuseUnreadable } from './turns/unreadable.ts';
import { unreadableId } from './activity-ids.ts';
import { teamsOutbound } from './outbound.ts';

export interface TeamsAppOptions {
  readonly config: TeamsConfig;
  readonly core: CoreDeps;
  readonly log: Logger;
  readonly newReference: () => string;
  readonly newNonce?: () => string;
  /** Certificate downloads: extra hosts (tests, a proxy), the timeout (ms). */
  readonly files?: TeamsFileOptions;
  /** Makes an export's files (default: the real PDF / CSV / zip builders; tests inject a slow one). */
  readonly makeFiles?: PaperworkMaker;
  /** The embedded database: this process is its only user (the export worker takes back its own unfinished work at start). */
  readonly exclusiveDatabase?: boolean;
}

/** Exports made at once by this process: each builds a PDF or a zip on a CPU the turns share. */
const EXPORT_WORKERS = 2;

/** Where Teams (the Bot Connector) posts activities. */
export const MESSAGES_PATH = '/api/messages';

/**
 * The Teams adapter: teams-ai's Application over its TeamsAdapter (botbuilder's CloudAdapter),
 * mounted on the front door at POST /api/messages. With credentials, botbuilder checks every
 * request's token (no valid token → 401); in dev mode (no credentials) it checks none, which serve
 * allows only on loopback. Every Teams and botbuilder type stays in adapters/teams/.
 */
export function createTeamsAdapter(options: TeamsAppOptions): PlatformAdapter {
  const { config } = options;
  const adapter = new TeamsAdapter(botFrameworkSettings(config));
  const botAppId = config.mode === 'authenticated' ? config.appId : '';
  // No typing activities (the typing timer), no long-running proxying; turn state is never stored.
  const app = new Application({ adapter, botAppId, startTypingTimer: false, removeRecipientMention: true, longRunningMessages: false });
  // teams-ai 1.7.4's run() starts the typing timer whatever `startTypingTimer` says (and keeps one
  // timer for all concurrent turns): switch it off on the instance, so no typing activity is sent.
  app.startTypingTimer = () => undefined;
  const { rt, exportsDrainer } = runtimeWithExportWorkers(options);
  register(app, rt);
  return {
    name: 'teams',
    routes: [
      {
        method: 'POST',
        path: MESSAGES_PATH,
        handle: async (req, res) => {
          const request = await readJsonBody(req, res);
          if (!request) return;
          // Ids with control characters or of absurd lengths never reach a use case (nor Postgres).
          const bad = unreadableId(request.body);
          if (bad?.replyPath) return refuseUnreadable(res, bad);
          await adapter.process(request, expressLike(res), (ctx) => (bad ? answerUnreadable(rt, ctx, bad) : app.run(ctx).then(() => undefined)));
        },
      },
    ],
    // How the scheduler posts reminders to Teams (proactive messages from the stored references).
    outbound: teamsOutbound(config, options.core),
    start: async () => exportsDrainer.start(),
    // The front door has stopped taking requests: let the export workers finish what they hold.
    stop: () => exportsDrainer.stop(),
  };
}

/**
 * The turns' runtime, and the inbox workers that make exports after the turn answered (Teams waits
 * about 15 s for a bot; a PDF or an evidence pack may take longer): platform `teams` in the inbox.
 */
function runtimeWithExportWorkers(options: TeamsAppOptions): { rt: TeamsRuntime; exportsDrainer: InboxDrainer } {
  const { core, log } = options;
  const wake = { kick: (): void => undefined };
  const connector = new TeamsConnector(options.config);
  const rt: TeamsRuntime = {
    connector,
    core,
    log,
    newNonce: options.newNonce ?? randomUUID,
    newReference: options.newReference,
    files: options.files ?? {},
    makeFiles: options.makeFiles ?? makePaperworkFiles,
    exportsQueued: () => wake.kick(),
  };
  const handlers = new Map([[TEAMS_INBOX_PLATFORM, exportHandler(rt, connector)]]);
  const exportsDrainer = new InboxDrainer({ db: core.db, clock: core.clock, log, newReference: options.newReference }, handlers, { concurrency: EXPORT_WORKERS, exclusive: options.exclusiveDatabase === true });
  wake.kick = () => exportsDrainer.kick();
  return { rt, exportsDrainer };
}

/** The routes, most specific first (invokes are tried first; the first match wins). */
function register(app: Application, rt: TeamsRuntime): void {
  app.adaptiveCards.actionExecute(
    async (ctx: TurnContext) => String((ctx.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? '').startsWith(VERB_PREFIX),
    async (ctx, _state, data) => ((await onCardAction(rt, ctx, data)) as TeamsAiCard | null) ?? '',
  );
  app.fileConsentAccept((ctx, _state, response) => onFileConsent(rt, ctx, response));
  app.fileConsentDecline((ctx, _state, response) => onFileConsent(rt, ctx, response));
  app.activity('installationUpdate', async (ctx) => {
    const installed = installationAction((ctx.activity as { action?: string }).action);
    if (installed !== null) await onInstallation(rt, ctx, installed);
  });
  app.activity('conversationUpdate', async (ctx) => {
    const installed = botMembership(ctx);
    if (installed !== null) await onInstallation(rt, ctx, installed);
  });
  app.activity('message', (ctx) => onMessage(rt, ctx));
  app.error(async (_ctx, error) => {
    rt.log.error('teams turn failed', { error: error.message });
    throw error;
  });
}
