import { z } from 'zod';
import { downloadChecked, type DownloadedFile, type DownloadOptions, type DownloadPolicy } from '../common/file-download.ts';
import { FILE_DOWNLOAD_INFO } from './activity.ts';

/**
 * Where a file sent to the bot in personal chat lives: the sender's OneDrive for Business, i.e.
 * SharePoint (`{tenant}-my.sharepoint.com`; `*.sharepoint-df.com` is Microsoft's own dogfood ring,
 * `*.sharepoint.us` / `*.sharepoint.de` the sovereign clouds), or consumer OneDrive (`*.1drv.com`,
 * `onedrive.live.com`). `content.downloadUrl` is pre-authenticated (a short-lived `tempauth` in the
 * query), so no Authorization header is sent — the bot token must never go to SharePoint.
 */
export const TEAMS_FILE_HOSTS: readonly string[] = ['*.sharepoint.com', '*.sharepoint-df.com', '*.sharepoint.us', '*.sharepoint.de', '*.1drv.com', 'onedrive.live.com'];

/** What the person sent: a file to download, or a picture pasted into the message (served by the connector, behind the bot's token). */
export type TeamsFile = { readonly kind: 'download'; readonly name: string; readonly url: string | null } | { readonly kind: 'inline-image'; readonly name: string };

export interface TeamsFileOptions extends DownloadOptions {
  /** Hosts a test or a proxy adds (also over plain http). */
  readonly plainHttpHosts?: readonly string[];
  /** An export's upload to OneDrive (file consent accepted) that takes longer than this (ms) is abandoned. */
  readonly uploadTimeoutMs?: number;
}

const downloadInfo = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().max(255).optional(),
  content: z.object({ downloadUrl: z.string().max(4000).optional(), uniqueId: z.string().max(200).optional(), fileType: z.string().max(20).optional() }).passthrough().optional(),
});

const inlineImage = z.object({ contentType: z.string().regex(/^image\//i), name: z.string().max(255).optional(), contentUrl: z.string().optional() });

/** The files of a message's attachments (other attachments — the text/html copy of the message, cards — are not files). */
export function teamsFilesOf(attachments: unknown): TeamsFile[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((raw: unknown): TeamsFile[] => {
    const file = downloadInfo.safeParse(raw);
    if (file.success) {
      const c = file.data.content;
      const name = file.data.name?.trim() || (c?.fileType ? `certificate.${c.fileType}` : 'certificate');
      return [{ kind: 'download', name, url: c?.downloadUrl ?? null }];
    }
    const image = inlineImage.safeParse(raw);
    return image.success ? [{ kind: 'inline-image', name: image.data.name?.trim() || 'pasted image' }] : [];
  });
}

/** Download one file with the common checks (allowed hosts, redirects, 10 MB, timeout); a pasted image is not fetched. */
export function downloadTeamsFile(file: TeamsFile, options: TeamsFileOptions = {}): Promise<DownloadedFile> {
  if (file.kind === 'inline-image') return Promise.resolve({ kind: 'unavailable', name: file.name, reason: 'inline-image', source: 'teams' });
  const policy: DownloadPolicy = { source: 'teams', hosts: TEAMS_FILE_HOSTS, plainHttpHosts: options.plainHttpHosts ?? [], headers: {} };
  return downloadChecked({ name: file.name, url: file.url, sizeBytes: 0 }, policy, options);
}
