import type { WebClient } from '@slack/web-api';
import { downloadChecked, type DownloadedFile, type DownloadOptions } from '../common/file-download.ts';

// The checks themselves are platform-neutral (adapters/common/file-download.ts, also used by Teams).
export { DOWNLOAD_TIMEOUT_MS, MAX_REDIRECTS, downloadFailure, type DownloadOptions, type DownloadProblem } from '../common/file-download.ts';

export type SlackFile = DownloadedFile;

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

/**
 * Download a shared file with the installation's bot token, from Slack's file hosts only (the
 * common checks: redirects only to them, at most three, the 10 MB cap while reading, a timeout).
 * An HTML file (Slack says so) is not downloaded; an HTML answer for any other file is the login
 * page Slack serves when the token lacks files:read.
 */
export async function downloadFile(info: FileInfo, token: string, extraHosts: readonly string[], options: DownloadOptions = {}): Promise<SlackFile> {
  if (isHtml(info)) return { kind: 'unsupported', name: info.name, mediaType: 'text/html' };
  const policy = { source: 'slack' as const, hosts: SLACK_FILE_HOSTS, plainHttpHosts: extraHosts, headers: { Authorization: `Bearer ${token}` } };
  return downloadChecked({ name: info.name, url: info.url, sizeBytes: info.sizeBytes }, policy, options);
}

function isHtml(info: FileInfo): boolean {
  return /^(text\/html|application\/xhtml\+xml)\b/i.test(info.mimetype ?? '') || /^x?html?$/i.test(info.filetype ?? '');
}
