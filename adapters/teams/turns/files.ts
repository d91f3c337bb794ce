import type { TurnContext } from 'botbuilder';
import { asReply, attachProof, type Reply } from '../../../src/index.ts';
import { downloadFailure, type DownloadedFile } from '../../common/file-download.ts';
import { plainText, type TeamsPerson } from '../activity.ts';
import { downloadTeamsFile, teamsFilesOf, type TeamsFile } from '../file-download.ts';
import { actorFor, failureReply, firstSeen, inOneTransaction, type TeamsRuntime } from '../runtime.ts';

/**
 * The files a personal-chat message carries that the bot acts on: downloaded files always; pasted
 * pictures only when the message says nothing else (a screenshot beside typed words leaves the words to converse).
 */
export function certificateFiles(activity: TurnContext['activity']): TeamsFile[] {
  const files = teamsFilesOf(activity.attachments);
  const downloads = files.filter((f) => f.kind === 'download');
  if (downloads.length) return downloads;
  return plainText(activity.text) === '' ? files : [];
}

/**
 * Files sent in personal chat become proof, as in Slack's DM: downloaded first (network work, outside
 * the transaction) with the common checks, then each attached by the core's rule (the entry the person
 * was asked about, else the latest confirmed entry without proof) — its type judged by its bytes.
 * Returns null for a resent activity (already answered).
 */
export async function attachSentFiles(rt: TeamsRuntime, activity: TurnContext['activity'], person: TeamsPerson, files: readonly TeamsFile[]): Promise<Reply[] | null> {
  const downloaded: DownloadedFile[] = [];
  for (const file of files) downloaded.push(await downloadTeamsFile(file, rt.files).catch((error: unknown) => downloadError(rt, file, error)));
  return inOneTransaction(rt, async (deps): Promise<Reply[] | null> => {
    if (!(await firstSeen(rt, deps, 'teams-activity', activity.id))) return null;
    const { actor } = await actorFor(deps, person, activity.id);
    const replies: Reply[] = [];
    for (const file of downloaded) replies.push(file.kind === 'file' ? await asReply(() => attachProof(deps, actor, { fileName: file.name, bytes: file.bytes })) : downloadFailure(file));
    return replies;
  }).catch((error: unknown) => [failureReply(rt, 'file', error)]);
}

/** A download that failed below HTTP (DNS, a reset connection): logged, and told as a failed download. */
function downloadError(rt: TeamsRuntime, file: TeamsFile, error: unknown): DownloadedFile {
  rt.log.warn('teams file download failed', { name: file.name, error: error instanceof Error ? error.message : String(error) });
  return { kind: 'unavailable', name: file.name, reason: 'http-error', source: 'teams' };
}
