import type { Attachment } from 'botbuilder';
import { offerFile, type CoreDeps, type Reply } from '../../src/index.ts';
import { isAllowed } from '../common/file-download.ts';
import type { PaperworkFile } from '../common/paperwork/files.ts';
import { deliveryOf } from '../common/paperwork/make-files.ts';
import { TEAMS_FILE_HOSTS } from './file-download.ts';
import type { TeamsRuntime } from './runtime.ts';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** How long an offered export waits for the person to press Allow (then it is gone: export again). */
export const OFFER_MINUTES = 15;

/** OneDrive upload sessions take fragments in multiples of 320 KiB (the last one excepted); 12 × 320 KiB ≈ 3.75 MiB per PUT. */
export const UPLOAD_FRAGMENT_BYTES = 12 * 320 * 1024;

/** An upload (every fragment) that takes longer than this (ms) is abandoned. */
export const UPLOAD_TIMEOUT_MS = 60_000;

export type PaperworkReply = Extract<Reply, { kind: 'paperwork' }>;

/** What a consent card carries back on Allow / Decline: the offer and the tenant it was made for. */
export interface ConsentContext {
  readonly offer: string;
  readonly tenant: string;
}

export interface Offered {
  /** The export's note (which files, where, for how long), as a reply. */
  readonly note: Reply;
  /** One file consent card per file. */
  readonly cards: readonly Attachment[];
}

/** Who an export is for: their organisation, person and Entra tenant. */
export interface ExportOwner {
  readonly organisationId: string;
  readonly personId: string;
  readonly tenantId: string;
}

/**
 * An export for Teams, its files already made (export-job.ts makes them after the turn answered):
 * each is kept in Postgres (file_offers) for OFFER_MINUTES and offered by a file consent card;
 * Allow uploads it to the person's OneDrive (acceptFile), Decline deletes it. Nothing is sent
 * anywhere until the person allows it. `deps.db` may be a transaction (the job's).
 */
export async function offerFiles(deps: Pick<CoreDeps, 'db' | 'clock'>, who: ExportOwner, reply: PaperworkReply, files: readonly PaperworkFile[]): Promise<Offered> {
  const now = deps.clock.now();
  const expires = now.plus({ minutes: OFFER_MINUTES }).toJSDate();
  const cards: Attachment[] = [];
  for (const file of files) {
    const offer = await offerFile(deps.db, who.organisationId, who.personId, { fileName: file.name, mediaType: file.mediaType, bytes: file.bytes }, now.toJSDate(), expires);
    const context: ConsentContext = { offer, tenant: who.tenantId };
    cards.push({ contentType: FILE_CONSENT_CARD, name: file.name, content: { description: `${file.name}, from Recert (for you alone)`, sizeInBytes: file.bytes.length, acceptContext: context, declineContext: context } });
  }
  return { note: { ...reply, delivered: deliveryOf(files, { kind: 'consent', minutes: OFFER_MINUTES }) }, cards };
}

export type UploadResult = 'uploaded' | 'host-not-allowed' | 'failed' | 'timeout';

/**
 * PUT the bytes to the upload session Teams opened in the person's OneDrive (`uploadInfo.uploadUrl`,
 * pre-authenticated: no token goes with it), in fragments with Content-Range; only to SharePoint /
 * OneDrive hosts, following no redirect.
 */
export async function uploadToSession(rt: Pick<TeamsRuntime, 'files' | 'log'>, uploadUrl: string, bytes: Uint8Array): Promise<UploadResult> {
  let url: URL;
  try {
    url = new URL(uploadUrl);
  } catch {
    return 'host-not-allowed';
  }
  if (!isAllowed(url, { hosts: TEAMS_FILE_HOSTS, plainHttpHosts: rt.files.plainHttpHosts ?? [] })) return 'host-not-allowed';
  const fetchFn = rt.files.fetchFn ?? fetch;
  const signal = AbortSignal.timeout(rt.files.uploadTimeoutMs ?? UPLOAD_TIMEOUT_MS);
  try {
    for (let start = 0; start < bytes.length; start += UPLOAD_FRAGMENT_BYTES) {
      const end = Math.min(bytes.length, start + UPLOAD_FRAGMENT_BYTES);
      const response = await fetchFn(url, { method: 'PUT', headers: { 'Content-Range': `bytes ${start}-${end - 1}/${bytes.length}` }, body: bytes.subarray(start, end), redirect: 'manual', signal });
      await response.body?.cancel();
      if (!response.ok) {
        rt.log.warn('teams upload refused', { status: response.status, fragmentStart: start });
        return 'failed';
      }
    }
    return 'uploaded';
  } catch (error) {
    if (signal.aborted) return 'timeout';
    rt.log.warn('teams upload failed', { error: error instanceof Error ? error.message : String(error) });
    return 'failed';
  }
}
