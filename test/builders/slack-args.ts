import type { WebClient } from '@slack/web-api';
import { PLATFORM } from '../../adapters/slack/inbound/accept.ts';
import { slackInboundHandler } from '../../adapters/slack/inbound/handler.ts';
import type { SlackRuntime } from '../../adapters/slack/runtime.ts';
import { PeopleDirectory } from '../../adapters/slack/people.ts';
import { InboxDrainer } from '../../src/inbox/drainer.ts';
import type { TestDeps } from './deps.ts';

/** What a handler did, in order: acks, responses and Web API calls. */
export type Step = { readonly kind: 'ack'; readonly body?: unknown } | { readonly kind: 'respond'; readonly body: unknown } | { readonly kind: 'api'; readonly method: string; readonly args: unknown };

/**
 * A Web API client that records calls instead of making them: enough of WebClient for the
 * handlers (users.info, views.open, views.publish, chat.postMessage, files.info).
 */
export function recordingClient(steps: Step[]): WebClient {
  const call = (method: string, result: Record<string, unknown> = {}) => async (args: unknown) => {
    steps.push({ kind: 'api', method, args });
    return { ok: true, ...result };
  };
  const client = {
    users: { info: call('users.info', { user: { id: 'U1', real_name: 'Test Scribe', tz: 'America/New_York' } }) },
    views: { open: call('views.open'), publish: call('views.publish') },
    chat: { postMessage: call('chat.postMessage', { ts: '1.2' }) },
    files: { info: call('files.info', { file: {} }) },
  };
  // Only the methods above are reachable from the handlers under test.
  return client as unknown as WebClient;
}

/**
 * A Slack runtime whose Web API calls and response_url posts are recorded in `steps`, and the inbox
 * workers as a function: `await drain()` processes what the handlers stored, as the real workers would.
 */
export function testRuntime(deps: TestDeps, steps: Step[] = []): { rt: SlackRuntime; drain: () => Promise<number> } {
  const client = recordingClient(steps);
  const rt: SlackRuntime = {
    core: deps,
    ingress: deps.db,
    log: deps.log,
    people: new PeopleDirectory(deps.log, () => deps.clock.now().toMillis()),
    clients: { forWorkspace: async () => ({ client, botToken: 'xoxb-test', botUserId: 'U0BOT', installerUserId: null }) },
    respond: async (_url, body) => void steps.push({ kind: 'respond', body }),
    fileHosts: [],
    sleep: async () => undefined,
    newReference: () => 'ref-test',
    kick: () => undefined,
  };
  const drainer = new InboxDrainer({ db: deps.db, clock: deps.clock, log: deps.log, newReference: rt.newReference }, new Map([[PLATFORM, slackInboundHandler(rt)]]));
  return { rt, drain: () => drainer.drainOnce() };
}

/** Arguments for a slash-command handler, as Bolt would pass them (the bolt starter's buildArguments). */
export function commandArgs(text: string, steps: Step[], overrides: { triggerId?: string } = {}) {
  const command = {
    command: '/ceu',
    text,
    team_id: 'T1',
    team_domain: 'clinic',
    user_id: 'U1',
    user_name: 'scribe',
    channel_id: 'C1',
    channel_name: 'general',
    api_app_id: 'A1',
    trigger_id: overrides.triggerId ?? `trigger-${Math.random()}`,
    response_url: 'https://hooks.slack.com/commands/T1/1/x',
    token: 'legacy',
  };
  return {
    command,
    body: command,
    payload: command,
    ack: async (body?: unknown) => void steps.push({ kind: 'ack', body }),
    respond: async (body: unknown) => {
      steps.push({ kind: 'respond', body });
      return {};
    },
    client: recordingClient(steps),
    context: { teamId: 'T1', isEnterpriseInstall: false },
    say: async () => ({}),
    next: async () => undefined,
    logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'info', setName() {} },
  };
}
