import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AdmissionLimits } from '../../../adapters/server/admission.ts';
import { startSlack, type RunningSlack } from '../../../adapters/slack/app.ts';
import type { SlackConfig } from '../../../adapters/slack/config.ts';
import type { Db } from '../../../src/db/connection.ts';
import type { SecretBox } from '../../../src/secrets/secret-box.ts';
import { testDeps, type TestDeps } from '../../builders/deps.ts';
import { testSecretBox } from '../../builders/secrets.ts';
import { BOT_USER, TEAM, USER } from './payloads.ts';
import { SlackSender } from './signed-request.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-bot-token';

export interface TestSlack {
  readonly port: number;
  readonly slack: SlackSender;
  readonly deps: TestDeps;
  stop(): Promise<void>;
}

/**
 * The real Slack adapter on a free port, over the test database, with a fixed clock for the core
 * and a test encryption key (`secrets: null`: none configured).
 */
export async function startTestSlack(db: Db, config: Partial<SlackConfig> = {}, options: { readonly secrets?: SecretBox | null; readonly ingress?: Db; readonly limits?: Partial<AdmissionLimits> } = {}): Promise<TestSlack> {
  const deps = testDeps(db, '2026-11-27T15:00:00Z');
  const running: RunningSlack = await startSlack(
    {
      config: { signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, appToken: null, oauth: null, apiUrl: null, ...config },
      core: deps,
      log: deps.log,
      newReference: () => 'ref0001',
      sleep: async () => undefined,
      botIdentity: { botId: 'B0BOT', botUserId: BOT_USER },
      secrets: options.secrets === undefined ? testSecretBox() : options.secrets,
      ...(options.ingress ? { ingress: options.ingress } : {}),
    },
    0,
    '127.0.0.1',
    options.limits,
  );
  const port = running.port ?? 0;
  return { port, slack: new SlackSender(port, SIGNING_SECRET), deps, stop: () => running.stop() };
}

export interface Recorded {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/**
 * Intercept the Slack Web API (https://slack.com/api/…) and response_url posts, recording what the
 * adapter sent. users.info answers with a Chicago time zone.
 */
export function interceptSlack(): { readonly calls: Recorded[]; callsTo(method: string): Recorded[] } {
  const calls: Recorded[] = [];
  const record = (path: string, body: unknown) => {
    calls.push({ path, body: normalise(body) });
    return true;
  };
  nock('https://slack.com')
    .persist()
    .post('/api/users.info', (body) => record('users.info', body))
    .reply(200, { ok: true, user: { id: USER, team_id: TEAM, name: 'sam', real_name: 'Sam Scribe', tz: 'America/Chicago', profile: { display_name: 'Sam' } } })
    .post(/\/api\/(chat\.postMessage|chat\.update|views\.open|views\.publish)/)
    .reply(200, async (req: Request) => {
      const method = new URL(req.url).pathname.replace('/api/', '');
      record(method, await bodyOf(req));
      return { ok: true, ts: '1700000000.000200', channel: 'D0DM', view: { id: 'V0VIEW' } };
    });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, async (req: Request) => {
      record(`response_url${new URL(req.url).pathname}`, await bodyOf(req));
      return 'ok';
    });
  return { calls, callsTo: (method) => calls.filter((c) => c.path === method || c.path.startsWith(`${method}/`)) };
}

async function bodyOf(req: Request): Promise<unknown> {
  const text = await req.text();
  if ((req.headers.get('content-type') ?? '').includes('json')) return JSON.parse(text) as unknown;
  return Object.fromEntries(new URLSearchParams(text));
}

/** Form-encoded Web API bodies carry blocks as JSON strings: parse them so tests can look inside. */
function normalise(body: unknown): Record<string, unknown> {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...record };
  for (const key of ['blocks', 'view']) {
    const value = out[key];
    if (typeof value === 'string') out[key] = JSON.parse(value) as unknown;
  }
  return out;
}

/** Wait for the work Slack handlers do after their ack. */
export async function waitFor(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the Slack adapter');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** All the text a message shows (fallback text and every block), for simple assertions. */
export function textOf(body: Record<string, unknown>): string {
  return JSON.stringify(body);
}

/** The value of the button with `actionId` in a posted message's blocks. */
export function buttonValue(body: Record<string, unknown>, actionId: string): string {
  const blocks = (body.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  for (const block of blocks) {
    for (const element of block.elements ?? []) if (element.action_id === actionId && element.value) return element.value;
  }
  throw new Error(`no button ${actionId} in ${JSON.stringify(body).slice(0, 400)}`);
}

/**
 * One Slack adapter per test file on the file's database, nock at the Web API for every test:
 * `const t = useTestSlack(database)` then `t.app`, `t.slack` inside tests.
 */
export function useTestSlack(database: { readonly current: { readonly db: Db } }, config: Partial<SlackConfig> = {}): { readonly app: TestSlack; readonly slack: ReturnType<typeof interceptSlack> } {
  const holder = {} as { app: TestSlack; slack: ReturnType<typeof interceptSlack> };
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    holder.app = await startTestSlack(database.current.db, config);
  });
  afterAll(async () => {
    await holder.app.stop();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    holder.slack = interceptSlack();
  });
  afterEach(() => {
    nock.cleanAll();
  });
  return holder;
}
