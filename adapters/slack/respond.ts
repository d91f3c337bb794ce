import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** How long (ms) a POST to a response_url may take. */
const RESPOND_TIMEOUT_MS = 10_000;

/** Slack's hosts for response_urls; a test or proxy adds the host of SLACK_API_URL. Nothing else is posted to. */
const RESPONSE_URL_HOSTS = ['hooks.slack.com'];

/** Connections to hooks.slack.com kept open between answers (a new TLS handshake per answer costs more CPU than the answer). */
const MAX_SOCKETS = 32;

export type RespondFn = (responseUrl: string, body: object) => Promise<void>;

/** An error shaped like the Web API's, so callSlack can tell "Slack refused" from "try later". */
class ResponseUrlError extends Error {
  readonly data: { error: string };
  constructor(error: string) {
    super(`response_url: ${error}`);
    this.data = { error };
  }
}

/**
 * POST an answer to a response_url, as Bolt's `respond` does, from a stored delivery (no request
 * object is left by then). Only Slack's hosts are contacted. node:http(s) with kept-alive
 * connections rather than fetch: fetch (undici's Headers, web streams, AbortSignal) cost about a
 * tenth of the CPU of a whole command in the load benchmark's profile.
 */
export function responder(extraHosts: readonly string[]): RespondFn {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }), https: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }) };
  return async (responseUrl, body) => {
    const url = new URL(responseUrl);
    const allowed = [...RESPONSE_URL_HOSTS, ...extraHosts].includes(url.host) && (url.protocol === 'https:' || extraHosts.includes(url.host));
    if (!allowed || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new ResponseUrlError('channel_not_found'); // treated as "cannot post there": the DM gets it
    const status = await post(url, JSON.stringify(body), url.protocol === 'https:' ? agents.https : agents.http);
    if (status === 404 || status === 410) throw new ResponseUrlError('channel_not_found'); // expired or used up
    if (status < 200 || status > 299) throw new ResponseUrlError(`http_${status}`);
  };
}

/** One POST; resolves with the status once the answer's body is read (and the connection free again). */
function post(url: URL, json: string, agent: HttpAgent): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) } }, (res: IncomingMessage) => {
      res.on('error', reject);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.resume();
    });
    req.setTimeout(RESPOND_TIMEOUT_MS, () => req.destroy(new ResponseUrlError('timeout')));
    req.on('error', reject);
    req.end(json);
  });
}
