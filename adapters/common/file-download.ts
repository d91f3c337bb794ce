import { MAX_PROOF_BYTES, type Reply } from '../../src/index.ts';

export type DownloadProblem = 'host-not-allowed' | 'login-page' | 'http-error' | 'no-url' | 'timeout' | 'redirect-not-allowed' | 'too-many-redirects' | 'inline-image';

/** Which platform served a file: it words the reasons a download failed ("Slack's file servers", "SharePoint or OneDrive"). */
export type FileSource = 'slack' | 'teams';

export type DownloadedFile =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large'; readonly name: string; readonly sizeBytes: number }
  /** The platform says the file is a web page (HTML): not a certificate format, so it is not downloaded. */
  | { readonly kind: 'unsupported'; readonly name: string; readonly mediaType: string }
  | { readonly kind: 'unavailable'; readonly name: string; readonly reason: DownloadProblem; readonly host?: string; readonly status?: number; readonly source?: FileSource };

/** A certificate download (every redirect and the body included) that takes longer than this (ms) is abandoned. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

/** Redirects followed, each to an allowed host, before giving up. */
export const MAX_REDIRECTS = 3;

/**
 * Where a platform's files may come from. `hosts` are exact hosts, or `*.suffix` for any host under
 * a suffix; `plainHttpHosts` (a proxy, a local fake) may also be fetched over http. Nothing else is
 * fetched (SSRF). `headers` go with every request, redirects included (only to allowed hosts).
 */
export interface DownloadPolicy {
  readonly source: FileSource;
  readonly hosts: readonly string[];
  readonly plainHttpHosts: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
}

export interface DownloadOptions {
  readonly fetchFn?: typeof fetch;
  readonly timeoutMs?: number;
}

/** What to download: the name shown to the person, the URL, and the size the platform announced (0: unknown). */
export interface DownloadRequest {
  readonly name: string;
  readonly url: string | null;
  readonly sizeBytes: number;
}

/**
 * Download a certificate: only from the policy's hosts, following a redirect only to one of them (at
 * most three), stopping past the 10 MB cap while reading; an HTML answer (a sign-in page) is refused.
 * The file's type is judged later, by its bytes (the core's attachProof).
 */
export async function downloadChecked(request: DownloadRequest, policy: DownloadPolicy, options: DownloadOptions = {}): Promise<DownloadedFile> {
  const { name } = request;
  const failed = (reason: DownloadProblem, more: { host?: string; status?: number } = {}): DownloadedFile => ({ kind: 'unavailable', name, reason, ...more, ...(policy.source === 'slack' ? {} : { source: policy.source }) });
  if (request.sizeBytes > MAX_PROOF_BYTES) return { kind: 'too-large', name, sizeBytes: request.sizeBytes };
  if (!request.url) return failed('no-url');
  const url = parseUrl(request.url);
  if (!url || !isAllowed(url, policy)) return failed('host-not-allowed', { host: url?.host ?? '' });
  const signal = AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  try {
    const fetched = await fetchFollowing(url, policy, options.fetchFn ?? fetch, signal);
    if (!('response' in fetched)) return failed(fetched.reason, fetched);
    const { response } = fetched;
    if (!response.ok || !response.body) return failed('http-error', { status: response.status });
    if ((response.headers.get('content-type') ?? '').includes('text/html')) return failed('login-page');
    return await readCapped(response.body, name);
  } catch (error) {
    if (isTimeout(error, signal)) return failed('timeout');
    throw error;
  }
}

type Fetched = { readonly response: Response } | { readonly reason: DownloadProblem; readonly host?: string; readonly status?: number };

/** Fetch, following redirects by hand: each hop must go to an allowed host (the headers go with it). */
async function fetchFollowing(start: URL, policy: DownloadPolicy, fetchFn: typeof fetch, signal: AbortSignal): Promise<Fetched> {
  let url = start;
  for (let hop = 0; ; hop += 1) {
    const response = await fetchFn(url, { headers: { ...policy.headers }, redirect: 'manual', signal });
    if (![301, 302, 303, 307, 308].includes(response.status)) return { response };
    await response.body?.cancel();
    const next = parseUrl(response.headers.get('location') ?? '', url);
    if (!next) return { reason: 'http-error', status: response.status };
    if (!isAllowed(next, policy)) return { reason: 'redirect-not-allowed', host: next.host };
    if (hop >= MAX_REDIRECTS) return { reason: 'too-many-redirects' };
    url = next;
  }
}

/** https to an allowed host; plain http only to a host added for a proxy or a local fake. */
export function isAllowed(url: URL, policy: Pick<DownloadPolicy, 'hosts' | 'plainHttpHosts'>): boolean {
  const plain = policy.plainHttpHosts.includes(url.host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plain)) return false;
  if (url.username || url.password) return false;
  return plain || policy.hosts.some((rule) => hostMatches(url.hostname.toLowerCase(), rule));
}

/** `*.sharepoint.com` matches `contoso.sharepoint.com` and `a.b.sharepoint.com`, never `sharepoint.com.evil.example`. */
function hostMatches(host: string, rule: string): boolean {
  if (!rule.startsWith('*.')) return host === rule;
  return host.endsWith(rule.slice(1)) && host.length > rule.length - 1;
}

function parseUrl(text: string, base?: URL): URL | null {
  if (!text) return null;
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'TimeoutError');
}

async function readCapped(body: ReadableStream<Uint8Array>, name: string): Promise<DownloadedFile> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > MAX_PROOF_BYTES) {
      await body.cancel().catch(() => undefined);
      return { kind: 'too-large', name, sizeBytes: total };
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { kind: 'file', name, bytes };
}

/** The reply for a file that could not be downloaded (every case but `file`). */
export function downloadFailure(file: Exclude<DownloadedFile, { kind: 'file' }>): Reply {
  switch (file.kind) {
    case 'too-large':
      return { kind: 'error', code: 'proof-too-large', details: { fileName: file.name, sizeBytes: file.sizeBytes, maxBytes: MAX_PROOF_BYTES } };
    case 'unsupported':
      return { kind: 'error', code: 'proof-unsupported-type', details: { fileName: file.name, mediaType: file.mediaType } };
    case 'unavailable':
      return {
        kind: 'error',
        code: 'proof-download-failed',
        details: { fileName: file.name, reason: file.reason, ...(file.host === undefined ? {} : { host: file.host }), ...(file.status === undefined ? {} : { status: file.status }), ...(file.source === 'teams' ? { source: 'teams' } : {}) },
      };
  }
}
