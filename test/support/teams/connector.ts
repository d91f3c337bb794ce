import nock from 'nock';
import type { TeamsConfig } from '../../../adapters/teams/config.ts';
import { SERVICE_URL, TENANT } from './harness.ts';

/** The bot's credentials for outbound calls (single tenant: its token comes from Entra's tenant endpoint). */
export const OUT_APP_ID = 'app-id-outbound';
export const OUTBOUND_CONFIG: TeamsConfig = { mode: 'authenticated', appId: OUT_APP_ID, appPassword: 'app-secret', appType: 'SingleTenant', tenantId: TENANT };

/** Entra's endpoints for the bot's own token (MSAL, client credentials): discovery GETs and the token POST. */
export function interceptEntraToken(tenant: string = TENANT): string[] {
  const seen: string[] = [];
  nock('https://login.microsoftonline.com')
    .persist()
    .get(/.*/)
    .reply(200, (uri: string) => {
      seen.push(`GET ${uri}`);
      return openIdConfiguration(tenant);
    })
    .post(new RegExp(`^/${tenant}/oauth2/v2.0/token`))
    .reply(200, () => {
      seen.push('POST token');
      return { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'outbound-token' };
    });
  return seen;
}

function openIdConfiguration(tenant: string): Record<string, unknown> {
  const base = `https://login.microsoftonline.com/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
    metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] }],
  };
}

/** A request the bot made to the connector: a post into a conversation, or a personal chat created. */
export interface ConnectorCall {
  readonly kind: 'post' | 'create';
  /** The conversation posted to (decoded); empty for a create. */
  readonly conversationId: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string;
  /** The test's clock when the request arrived. */
  readonly atMs: number;
}

/** What the fake connector answers a request: status, body, headers. */
export type Answer = readonly [number, unknown, Record<string, string>?];

const HOST = SERVICE_URL.replace(/\/amer\/$/, '');
const PREFIX = '/amer/v3/conversations';

/**
 * The Bot Connector at SERVICE_URL: every call recorded with the test's clock, answered by `answer`
 * (default: 200 with a new id; a created personal chat is `a:created-<member id>`).
 */
export function fakeConnector(nowMs: () => number, answer: (call: ConnectorCall, n: number) => Answer = defaultAnswer): ConnectorCall[] {
  const calls: ConnectorCall[] = [];
  nock(HOST)
    .persist()
    .post((path) => path.startsWith(PREFIX))
    .reply(async (req: Request) => {
      const match = /^\/amer\/v3\/conversations\/([^/]+)\/activities/.exec(new URL(req.url).pathname);
      const body = (await req.json()) as Record<string, unknown>;
      const call: ConnectorCall = { kind: match ? 'post' : 'create', conversationId: match ? decodeURIComponent(match[1] ?? '') : '', body, authorization: req.headers.get('authorization') ?? '', atMs: nowMs() };
      calls.push(call);
      const [status, reply, headers] = answer(call, calls.length);
      return [status, reply as nock.Body, headers ?? {}];
    });
  return calls;
}

function defaultAnswer(call: ConnectorCall, n: number): Answer {
  const member = (call.body.members as { id?: string }[] | undefined)?.[0]?.id ?? 'someone';
  return call.kind === 'create' ? [201, { id: `a:created-${member}` }] : [200, { id: `activity-${n}` }];
}

/** The connector refuses (or drops) the next `times` requests before answering as `fakeConnector` does. */
export function connectorFailsFirst(times: number, failure: { code: string; message: string }): void {
  nock(HOST)
    .post((path) => path.startsWith(PREFIX))
    .times(times)
    .replyWithError(Object.assign(new Error(failure.message), { code: failure.code }));
}

/** The card of a recorded post. */
export function cardOfCall(call: ConnectorCall | undefined): Record<string, unknown> {
  const attachments = (call?.body.attachments ?? []) as { content: Record<string, unknown> }[];
  return attachments[0]?.content ?? {};
}
