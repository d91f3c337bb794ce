import { asReply, importRoster, type Actor, type CoreDeps, type Reply } from '../../../src/index.ts';
import { downloadFailure, type FileInfo, type SlackFile } from '../file-download.ts';

/**
 * A CSV file sent to the bot in its DM is a roster file, not proof (proof is PDF, PNG or JPEG):
 * Slack says text/csv or csv, or the name ends in .csv.
 */
export function isRosterFile(info: FileInfo): boolean {
  return /^(text\/csv|application\/csv)\b/i.test(info.mimetype ?? '') || /^csv$/i.test(info.filetype ?? '') || /\.csv$/i.test(info.name);
}

/** "roster import skip-bad" written with the file: store the good rows and list the bad. */
export function asksSkipBad(info: FileInfo): boolean {
  return /\bskip[- ]bad\b/i.test(info.comment ?? '');
}

/** Import the downloaded file; who may is the core's decision (a scribe is refused and audited). */
export async function importRosterFile(deps: CoreDeps, actor: Actor, file: SlackFile, skipBad: boolean): Promise<Reply> {
  if (file.kind !== 'file') return downloadFailure(file);
  return asReply(() => importRoster(deps, actor, { text: file.bytes, fileName: file.name, skipBad }));
}
