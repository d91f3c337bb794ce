import { request } from 'node:http';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openFrontDoor } from '../../../adapters/server/front-door.ts';
import type { TeamsConfig } from '../../../adapters/teams/config.ts';
import { createTeamsAdapter, type TeamsAppOptions } from '../../../adapters/teams/app.ts';
import type { Db } from '../../../src/db/connection.ts';
import { testDeps, type TestDeps } from '../../builders/deps.ts';

export const SERVICE_URL = 'https://smba.test.invalid/amer/';
export const TENANT = 'tenant-a';
export const BOT = '28:recert-bot';

export interface TestTeams {
  readonly port: number;
  readonly deps: TestDeps;
  stop(): Promise<void>;
}

/** The real Teams adapter behind the front door on a free loopback port, over the test database. */
export async function startTestTeams(db: Db, config: TeamsConfig = { mode: 'dev' }, more: Pick<TeamsAppOptions, 'files' | 'makeFiles'> = {}): Promise<TestTeams> {
  const deps = testDeps(db, '2026-11-27T15:00:00Z');
  let nonce = 0;
  const adapter = createTeamsAdapter({ config, core: deps, log: deps.log, newReference: () => 'ref0001', newNonce: () => `nonce-${(nonce += 1)}`, ...more });
  const door = await openFrontDoor([adapter], 0, '127.0.0.1');
  return { port: door.port ?? 0, deps, stop: () => door.stop() };
}

/**
 * The usual set-up of a Teams test file: the network shut but loopback, the real adapter started once,
 * the connector intercepted afresh before each test. `const t = useTestTeams(database)`, then `t.teams`
 * and `t.sent` (what the bot sent through the connector) inside tests.
 */
export function useTestTeams(database: { readonly current: { readonly db: Db } }, config?: TeamsConfig, more?: Pick<TeamsAppOptions, 'files' | 'makeFiles'>): { readonly teams: TestTeams; readonly sent: SentActivity[] } {
  const holder = {} as { teams: TestTeams; sent: SentActivity[] };
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    holder.teams = await startTestTeams(database.current.db, config, more);
  });
  afterAll(async () => {
    await holder.teams.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    nock.cleanAll();
    holder.sent = interceptConnector();
  });
  return holder;
}

export interface Posted {
  readonly status: number;
  readonly body: string;
}

/** POST an activity to /api/messages, as the Bot Connector does (node:http: nock does not intercept it here). */
export function postActivity(port: number, activity: unknown, headers: Record<string, string> = {}): Promise<Posted> {
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface SentActivity {
  readonly path: string;
  readonly body: { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
}

/** Intercept the connector at SERVICE_URL, recording every activity the bot sends. */
export function interceptConnector(): SentActivity[] {
  const sent: SentActivity[] = [];
  nock(SERVICE_URL.replace(/\/amer\/$/, ''))
    .persist()
    .post(/\/amer\/v3\/conversations\/.*\/activities.*/)
    .reply(200, async (req: Request) => {
      sent.push({ path: decodeURIComponent(new URL(req.url).pathname), body: JSON.parse(await req.text()) as SentActivity['body'] });
      return { id: `sent-${sent.length}` };
    });
  return sent;
}

/** Wait (polling every 20 ms, up to `ms`) until `found` returns something: what background work sends arrives after the turn. */
export async function eventually<T>(found: () => T | undefined, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`nothing arrived within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let counter = 0;
export const uniqueId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

export interface Who {
  readonly tenant?: string;
  readonly aad?: string;
  readonly name?: string;
}

/** A message activity in personal chat (or `conversationType` channel / groupChat). */
export function messageActivity(text: string, who: Who = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const tenant = who.tenant ?? TENANT;
  return {
    type: 'message',
    id: uniqueId('act'),
    timestamp: '2026-11-27T15:00:00.000Z',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: `29:${who.aad ?? 'aad-dana'}`, name: who.name ?? 'Dana Scribe', aadObjectId: who.aad ?? 'aad-dana' },
    recipient: { id: BOT, name: 'Recert' },
    conversation: { id: `a:personal-${who.aad ?? 'aad-dana'}`, conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    localTimezone: 'America/Chicago',
    text,
    ...extra,
  };
}

/** An Action.Execute invoke carrying `data` from a card. */
export function cardAction(data: Record<string, unknown>, who: Who = {}, id = uniqueId('inv')): Record<string, unknown> {
  const base = messageActivity('', who);
  return { ...base, id, type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb: `recert.${String(data.action)}`, data } } };
}

/** The data of the card action with this verb, on the n-th card sent. */
export function actionData(activity: SentActivity | undefined, verb: string): Record<string, unknown> {
  const actions = (activity?.body.attachments?.[0]?.content.actions ?? []) as { verb: string; data: Record<string, unknown> }[];
  const found = actions.find((a) => a.verb === `recert.${verb}`);
  if (!found) throw new Error(`no ${verb} action on ${JSON.stringify(activity?.body)}`);
  return found.data;
}

/** Every TextRun, TextBlock and fact of a card, as one text. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if ((n.type === 'TextRun' || n.type === 'TextBlock') && typeof n.text === 'string') out.push(n.text);
    if (typeof n.title === 'string' && typeof n.value === 'string') out.push(`${n.title}: ${n.value.replace(/\\(.)/g, '$1')}`);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out.join(' ');
}
