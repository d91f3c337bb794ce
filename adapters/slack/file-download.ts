import type { WebClient } from '@slack/web-api';
import { MAX_PROOF_BYTES } from '../../src/index.ts';

export type SlackFile =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large'; readonly name: string; readonly sizeBytes: number }
  | { readonly kind: 'unavailable'; readonly name: string; readonly reason: 'host-not-allowed' | 'login-page' | 'http-error' | 'no-url' };

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
}

/** A certificate download that takes longer than this (ms) is abandoned. */
const DOWNLOAD_TIMEOUT_MS = 30_000;

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
  return { id: fileId, name: file?.name ?? file?.title ?? fileId, sizeBytes: file?.size ?? 0, url: file?.url_private_download ?? file?.url_private ?? null, userId: file?.user ?? null, shares };
}

/**
 * Download a shared file with the installation's bot token. Refuses other hosts, stops reading past
 * the 10 MB cap, and recognises the HTML login page Slack returns when the token lacks files:read.
 */
export async function downloadFile(info: FileInfo, token: string, extraHosts: readonly string[], fetchFn: typeof fetch = fetch): Promise<SlackFile> {
  if (info.sizeBytes > MAX_PROOF_BYTES) return { kind: 'too-large', name: info.name, sizeBytes: info.sizeBytes };
  if (!info.url) return { kind: 'unavailable', name: info.name, reason: 'no-url' };
  const url = new URL(info.url);
  if (url.protocol !== 'https:' && !extraHosts.includes(url.host)) return { kind: 'unavailable', name: info.name, reason: 'host-not-allowed' };
  if (![...SLACK_FILE_HOSTS, ...extraHosts].includes(url.host)) return { kind: 'unavailable', name: info.name, reason: 'host-not-allowed' };
  const response = await fetchFn(url, { headers: { Authorization: `Bearer ${token}` }, redirect: 'error', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok || !response.body) return { kind: 'unavailable', name: info.name, reason: 'http-error' };
  if ((response.headers.get('content-type') ?? '').includes('text/html')) return { kind: 'unavailable', name: info.name, reason: 'login-page' };
  return readCapped(response.body, info.name);
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
