/** How long (ms) a POST to a response_url may take. */
const RESPOND_TIMEOUT_MS = 10_000;

/** Slack's hosts for response_urls; a test or proxy adds the host of SLACK_API_URL. Nothing else is posted to. */
const RESPONSE_URL_HOSTS = ['hooks.slack.com'];

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
 * object is left by then). Only Slack's hosts are contacted.
 */
export function responder(extraHosts: readonly string[], fetchFn: typeof fetch = fetch): RespondFn {
  return async (responseUrl, body) => {
    const url = new URL(responseUrl);
    const allowed = [...RESPONSE_URL_HOSTS, ...extraHosts].includes(url.host) && (url.protocol === 'https:' || extraHosts.includes(url.host));
    if (!allowed) throw new ResponseUrlError('channel_not_found'); // treated as "cannot post there": the DM gets it
    const response = await fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(RESPOND_TIMEOUT_MS) });
    if (response.status === 404 || response.status === 410) throw new ResponseUrlError('channel_not_found'); // expired or used up
    if (!response.ok) throw new ResponseUrlError(`http_${response.status}`);
  };
}
