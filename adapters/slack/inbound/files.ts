import { anchoredEntry, asReply, attachProof, knownAnchoredEntry, type Actor, type CoreDeps, type Reply } from '../../../src/index.ts';
import type { SlackAuth } from '../clients.ts';
import { callSlack, DeliveryError } from '../deliver.ts';
import { downloadFailure, downloadFile, fileInfo, type SlackFile } from '../file-download.ts';
import { actorFor, anchorOf, type SlackRuntime } from '../runtime.ts';
import type { Surface } from '../send.ts';
import { SILENT, type SlackOutcome } from './outcome.ts';
import type { PayloadOf } from './payloads.ts';
import { asksSkipBad, importRosterFile, isRosterFile } from './roster-file.ts';

/** A shared file, looked up and downloaded before the delivery's transaction (network work). */
export interface PreparedShare {
  readonly threadTs: string | null;
  readonly file: SlackFile;
  /** A CSV sent in the DM: a roster import (with skip-bad when the words with it ask). */
  readonly roster?: { readonly skipBad: boolean };
}

/**
 * A file shared with the bot becomes proof: in the DM it attaches to the entry of the thread it was
 * shared in (else the latest entry); in a channel only when shared in the thread of one of the
 * person's logged entries — other files in channels are none of the bot's business, and are not
 * even downloaded.
 */
export async function prepareShare(rt: SlackRuntime, auth: SlackAuth, p: PayloadOf<'file'>): Promise<PreparedShare | null> {
  const inDm = p.channelId.startsWith('D');
  const info = await callSlack(rt.log, 'files.info', () => fileInfo(auth.client, p.fileId), rt.sleep).catch((error: unknown) => {
    // Slack refusing for good (a scope, a deleted file): in a channel that is none of ours to announce;
    // in the DM the person hears it. A passing failure is retried by the inbox.
    if (!(error instanceof DeliveryError) || error.problem === 'failed' || error.problem === 'rate-limited') throw error;
    rt.log.warn(inDm ? 'slack DM file could not be looked up' : 'slack channel file not handled', { problem: error.problem, slackError: error.slackError });
    return null;
  });
  if (!info) return inDm ? { threadTs: null, file: { kind: 'unavailable', name: p.fileId, reason: 'http-error' } } : null;
  const threadTs = info.shares.find((s) => s.channelId === p.channelId)?.threadTs ?? null;
  if (inDm && isRosterFile(info)) return { threadTs, file: await downloadFile(info, auth.botToken, rt.fileHosts), roster: { skipBad: asksSkipBad(info) } };
  if (!inDm) {
    if (!threadTs) return null;
    const who = { platform: 'slack', organisationExternalId: p.teamId, userExternalId: p.userId };
    if ((await knownAnchoredEntry(rt.core, who, anchorOf(p.channelId, threadTs)))?.status !== 'confirmed') return null;
  }
  return { threadTs, file: await downloadFile(info, auth.botToken, rt.fileHosts) };
}

export function shareSurface(p: PayloadOf<'file'>, threadTs: string | null): Surface | null {
  if (threadTs) return { kind: 'thread', channel: p.channelId, threadTs, userId: p.userId };
  return p.channelId.startsWith('D') ? { kind: 'dm', userId: p.userId } : null;
}

export async function applyShare(rt: SlackRuntime, deps: CoreDeps, auth: SlackAuth, p: PayloadOf<'file'>, prepared: PreparedShare | null, requestId: string): Promise<SlackOutcome> {
  if (!prepared) return SILENT;
  const { actor } = await actorFor(rt, deps, auth.client, { teamId: p.teamId, userId: p.userId, requestId });
  if (prepared.roster) return { surface: shareSurface(p, prepared.threadTs), replies: [await importRosterFile(deps, actor, prepared.file, prepared.roster.skipBad)] };
  const anchor = prepared.threadTs ? anchorOf(p.channelId, prepared.threadTs) : undefined;
  // Checked again inside the transaction: the entry may have been undone since the look-up.
  if (!p.channelId.startsWith('D') && (!anchor || (await anchoredEntry(deps, actor, anchor))?.status !== 'confirmed')) return SILENT;
  return { surface: shareSurface(p, prepared.threadTs), replies: [await attachFile(deps, actor, prepared.file, anchor ? { anchor } : {})] };
}

/** Attach a downloaded Slack file as proof; every outcome is a reply (errors included). */
export async function attachFile(deps: CoreDeps, actor: Actor, file: SlackFile, target: { anchor?: string; trainingId?: string }): Promise<Reply> {
  if (file.kind !== 'file') return downloadFailure(file);
  return asReply(() => attachProof(deps, actor, { fileName: file.name, bytes: file.bytes, ...target }));
}

/** Certificates uploaded in the "Log a training" modal: looked up and downloaded before the transaction. */
export async function prepareUploads(rt: SlackRuntime, auth: SlackAuth, fileIds: readonly string[]): Promise<SlackFile[]> {
  const files: SlackFile[] = [];
  for (const id of fileIds) {
    const info = await callSlack(rt.log, 'files.info', () => fileInfo(auth.client, id), rt.sleep);
    files.push(await downloadFile(info, auth.botToken, rt.fileHosts));
  }
  return files;
}
