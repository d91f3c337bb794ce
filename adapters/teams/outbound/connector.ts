import { AsyncLocalStorage } from 'node:async_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, type Activity, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { botFrameworkSettings, type TeamsConfig } from '../config.ts';

/** One post waits at most this long (ms) for the connector's answer; after that it is `unknown`, never resent. */
export const POST_TIMEOUT_MS = 15_000;

/**
 * Whether the message's request left this process (set just before the HTTP client runs): only a
 * post that may have arrived is `unknown`. Creating a personal chat posts nothing, so the probe is
 * armed only for the message itself.
 */
export interface Probe {
  armed: boolean;
  left: boolean;
}

/** What a proactive send needs: the call's probe, so a failure can say whether anything left. */
const probes = new AsyncLocalStorage<Probe>();

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** The few pipeline calls used here (core-rest-pipeline's Pipeline), reached through the client's private `client`. */
interface Pipeline {
  removePolicy(options: { phase?: 'Serialize' | 'Deserialize' | 'Retry' | 'Sign' }): unknown;
  addPolicy(policy: { name: string; sendRequest(request: { timeout: number }, next: (request: { timeout: number }) => Promise<unknown>): Promise<unknown> }, options?: { phase?: 'Sign' }): void;
}

/**
 * One attempt per call: the connector's pipeline retries 429s, 5xx and resets by itself
 * (core-rest-pipeline's defaultRetryPolicy, phase "Retry"); a retried post that may have arrived
 * would be a second post, so the phase is removed and the ledger decides what is tried again. The
 * last policy before the wire marks the probe (the request left) and sets the timeout.
 */
function oneAttempt(client: ConnectorClient): ConnectorClient {
  // botbuilder-stdlib keeps core-client's ServiceClient private; its pipeline is the only way to switch retries off.
  const pipeline = (client as unknown as { client: { pipeline: Pipeline } }).client.pipeline;
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy(
    {
      name: 'recertOneAttempt',
      sendRequest: (request, next) => {
        const probe = probes.getStore();
        if (probe?.armed) probe.left = true;
        request.timeout = POST_TIMEOUT_MS;
        return next(request);
      },
    },
    { phase: 'Sign' },
  );
  return client;
}

/** botbuilder's authentication, with every connector client it makes for outbound calls set to one attempt. */
class OneAttemptAuthentication extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    return { create: async (serviceUrl: string, audience?: string) => oneAttempt(await inner.create(serviceUrl, audience)) };
  }
}

/** A created personal chat: its reference (to store) and the sent activity's id. */
export interface Created {
  readonly reference: Partial<ConversationReference>;
  readonly activityId: string;
}

/** Proactive calls through botbuilder's CloudAdapter: continueConversationAsync and createConversationAsync. */
export class TeamsConnector {
  private readonly adapter: CloudAdapter;
  private readonly appId: string;

  constructor(config: TeamsConfig) {
    this.adapter = new CloudAdapter(new OneAttemptAuthentication(botFrameworkSettings(config)));
    this.appId = config.mode === 'authenticated' ? config.appId : '';
  }

  /** The bot's own id in Teams' conversations (`28:` and the app id). */
  get botId(): string {
    return `28:${this.appId}`;
  }

  /** Post `activity` into a stored conversation; the connector's activity id. */
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>, probe: Probe): Promise<string> {
    probe.armed = true;
    let id = '';
    await probes.run(probe, () =>
      this.adapter.continueConversationAsync(this.appId, reference, async (ctx: TurnContext) => {
        id = (await ctx.sendActivity(notAReply(ctx, activity)))?.id ?? '';
      }),
    );
    return id;
  }

  /** Open (or find: Teams keeps one per person and bot) a personal chat and post `activity` in it. */
  async createAndSend(serviceUrl: string, parameters: ConversationParameters, activity: Partial<Activity>, probe: Probe): Promise<Created> {
    let created: Created | null = null;
    await probes.run(probe, () =>
      this.adapter.createConversationAsync(this.appId, 'msteams', serviceUrl, '', parameters, async (ctx: TurnContext) => {
        const reference = TurnContext.getConversationReference(ctx.activity);
        // The created conversation's reference; a DM is not the reply to any activity.
        const stored = { ...reference, activityId: undefined };
        probe.armed = true;
        const activityId = (await ctx.sendActivity(notAReply(ctx, activity)))?.id ?? '';
        created = { reference: stored, activityId };
      }),
    );
    if (!created) throw new Error('createConversation returned no conversation');
    return created;
  }
}

/**
 * A proactive post is no reply: botbuilder makes a turn's sends replies to the turn's activity (a
 * made-up continuation id here), which Teams would thread under it. Without that id the post goes
 * through sendToConversation: a new message (in a channel, a new thread).
 */
function notAReply(ctx: TurnContext, activity: Partial<Activity>): Partial<Activity> {
  (ctx.activity as { id?: string }).id = undefined;
  return activity;
}
