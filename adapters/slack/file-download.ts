import type { WebClient } from '@slack/web-api';
import { MAX_PROOF_BYTES, type Reply } from '../../src/index.ts';

export type DownloadProblem = 'host-not-allowed' | 'login-page' | 'http-error' | 'no-url' | 'timeout' | 'redirect-not-allowed' | 'too-many-redirects';

export type SlackFile =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large'; readonly name: string; readonly sizeBytes: number }
  /** Slack says the file is a web page (HTML): not a certificate format, so it is not downloaded. */
  | { readonly kind: 'unsupported'; readonly name: string; readonly mediaType: string }
  | { readonly kind: 'unavailable'; readonly name: string; readonly reason: DownloadProblem; readonly host?: string; readonly status?: number };

export interface FileShare {
  readonly channelId: string;
  /** The thread the file was shared in, when it was shared in a thread. */
  readonly threadTs: string | null;
}

export interface FileInfo {
  readonly id: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly url: string | null;
  readonly userId: string | null;
  readonly shares: readonly FileShare[];
  /** What Slack says the file is (files.info `mimetype`, `filetype`), when it says. */
  readonly mimetype?: string | null;
  readonly filetype?: string | null;
  /** The words the file was shared with (files.info `initial_comment`), when Slack gives them. */
  readonly comment?: string | null;
}

/** A certificate download (every redirect and the body included) that takes longer than this (ms) is abandoned. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

/** Redirects followed, each to a Slack file host, before giving up. */
export const MAX_REDIRECTS = 3;

/** Slack's file hosts; a test or proxy adds the host of SLACK_API_URL. Nothing else is fetched (SSRF). */
const SLACK_FILE_HOSTS = ['files.slack.com'];

export async function fileInfo(client: WebClient, fileId: string): Promise<FileInfo> {
  const { file } = await client.files.info({ file: fileId });
  const shares: FileShare[] = [];
  for (const scope of [file?.shares?.public, file?.shares?.private]) {
    for (const [channelId, list] of Object.entries(scope ?? {})) {
      for (const share of list ?? []) shares.push({ channelId, threadTs: share.thread_ts ?? null });
    }
  }
  const url = file?.url_private_download ?? file?.url_private ?? null;
  return { id: fileId, name: file?.name ?? file?.title ?? fileId, sizeBytes: file?.size ?? 0, url, userId: file?.user ?? null, shares, mimetype: file?.mimetype ?? null, filetype: file?.filetype ?? null, comment: file?.initial_comment?.comment ?? null };
}

export interface DownloadOptions {
  readonly fetchFn?: typeof fetch;
  readonly timeoutMs?: number;
}

/**
 * Download a shared file with the installation's bot token. Fetches only from Slack's file hosts,
 * following a redirect only to one of them (at most three), stops reading past the 10 MB cap, and
 * tells an HTML file (Slack says so) from the HTML login page Slack serves when the token lacks
 * files:read (an HTML answer for any other file).
 */
export async function downloadFile(info: FileInfo, token: string, extraHosts: readonly string[], options: DownloadOptions = {}): Promise<SlackFile> {
  const name = info.name;
  if (isHtml(info)) return { kind: 'unsupported', name, mediaType: 'text/html' };
  if (info.sizeBytes > MAX_PROOF_BYTES) return { kind: 'too-large', name, sizeBytes: info.sizeBytes };
  if (!info.url) return { kind: 'unavailable', name, reason: 'no-url' };
  const url = parseUrl(info.url);
  if (!url || !isAllowed(url, extraHosts)) return { kind: 'unavailable', name, reason: 'host-not-allowed', host: url?.host ?? '' };
  const signal = AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  try {
    const fetched = await fetchFollowing(url, token, extraHosts, options.fetchFn ?? fetch, signal);
    if (!('response' in fetched)) return { kind: 'unavailable', name, ...fetched };
    const { response } = fetched;
    if (!response.ok || !response.body) return { kind: 'unavailable', name, reason: 'http-error', status: response.status };
    if ((response.headers.get('content-type') ?? '').includes('text/html')) return { kind: 'unavailable', name, reason: 'login-page' };
    return await readCapped(response.body, name);
  } catch (error) {
    if (isTimeout(error, signal)) return { kind: 'unavailable', name, reason: 'timeout' };
    throw error;
  }
}

type Fetched = { readonly response: Response } | { readonly reason: DownloadProblem; readonly host?: string; readonly status?: number };

/** Fetch, following redirects by hand: each hop must go to a Slack file host (the token goes with it). */
async function fetchFollowing(start: URL, token: string, extraHosts: readonly string[], fetchFn: typeof fetch, signal: AbortSignal): Promise<Fetched> {
  let url = start;
  for (let hop = 0; ; hop += 1) {
    const response = await fetchFn(url, { headers: { Authorization: `Bearer ${token}` }, redirect: 'manual', signal });
    if (![301, 302, 303, 307, 308].includes(response.status)) return { response };
    await response.body?.cancel();
    const next = parseUrl(response.headers.get('location') ?? '', url);
    if (!next) return { reason: 'http-error', status: response.status };
    if (!isAllowed(next, extraHosts)) return { reason: 'redirect-not-allowed', host: next.host };
    if (hop >= MAX_REDIRECTS) return { reason: 'too-many-redirects' };
    url = next;
  }
}

/** https to a Slack file host; plain http only to a host added for a proxy or a local fake. */
function isAllowed(url: URL, extraHosts: readonly string[]): boolean {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && extraHosts.includes(url.host))) return false;
  return [...SLACK_FILE_HOSTS, ...extraHosts].includes(url.host);
}

function parseUrl(text: string, base?: URL): URL | null {
  if (!text) return null;
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

function isHtml(info: FileInfo): boolean {
  return /^(text\/html|application\/xhtml\+xml)\b/i.test(info.mimetype ?? '') || /^x?html?$/i.test(info.filetype ?? '');
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'TimeoutError');
}

async function readCapped(body: ReadableStream<Uint8Array>, name: string): Promise<SlackFile> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > MAX_PROOF_BYTES) return { kind: 'too-large', name, sizeBytes: total };
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
export function downloadFailure(file: Exclude<SlackFile, { kind: 'file' }>): Reply {
  switch (file.kind) {
    case 'too-large':
      return { kind: 'error', code: 'proof-too-large', details: { fileName: file.name, sizeBytes: file.sizeBytes, maxBytes: MAX_PROOF_BYTES } };
    case 'unsupported':
      return { kind: 'error', code: 'proof-unsupported-type', details: { fileName: file.name, mediaType: file.mediaType } };
    case 'unavailable':
      return { kind: 'error', code: 'proof-download-failed', details: { fileName: file.name, reason: file.reason, ...(file.host === undefined ? {} : { host: file.host }), ...(file.status === undefined ? {} : { status: file.status }) } };
  }
}
