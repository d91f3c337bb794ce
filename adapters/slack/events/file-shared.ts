import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { anchoredEntry, asReply, attachProof, type Actor, type Reply } from '../../../src/index.ts';
import { callSlack } from '../deliver.ts';
import { downloadFailure, downloadFile, fileInfo, type FileInfo } from '../file-download.ts';
import { actorFor, anchorOf, firstDelivery, teamOf, type SlackRuntime } from '../runtime.ts';
import { handled, sendReplies, type Surface } from '../send.ts';

type FileArgs = SlackEventMiddlewareArgs<'file_shared'> & AllMiddlewareArgs;

/**
 * A file shared with the bot becomes proof: in the DM it attaches to the entry of the thread it was
 * shared in (else the latest entry); in a channel only when shared in the thread of one of the
 * person's entries — other files in channels are none of the bot's business.
 */
export function fileShared(rt: SlackRuntime): Middleware<SlackEventMiddlewareArgs<'file_shared'>> {
  return async ({ event, body, client, context }: FileArgs) => {
    if (event.user_id === context.botUserId) return;
    const inDm = event.channel_id.startsWith('D');
    let surface: Surface = { kind: 'dm', client, userId: event.user_id };
    const work = async () => {
      if (!(await firstDelivery(rt, 'slack-event', body.event_id))) return;
      const info = await callSlack(rt.log, 'files.info', () => fileInfo(client, event.file_id), rt.sleep);
      const threadTs = info.shares.find((s) => s.channelId === event.channel_id)?.threadTs ?? null;
      if (!inDm && !threadTs) return;
      if (threadTs) surface = { kind: 'thread', client, channel: event.channel_id, threadTs, userId: event.user_id };
      const teamId = teamOf(rt, 'file_shared', context.teamId, body.team_id);
      if (!teamId) return;
      const { actor } = await actorFor(rt, client, { teamId, userId: event.user_id, requestId: body.event_id });
      const anchor = threadTs ? anchorOf(event.channel_id, threadTs) : undefined;
      // In a channel, only a thread where this person's entry was logged is the bot's business.
      if (!inDm && (!anchor || (await anchoredEntry(rt.core, actor, anchor))?.status !== 'confirmed')) return;
      await sendReplies(rt, surface, [await attach(rt, actor, info, context.botToken ?? '', { anchor })]);
    };
    // Files in channels are mostly none of the bot's business: a failure there is logged, not announced.
    if (inDm) await handled(rt, surface, 'file_shared', work);
    else await work().catch((error: unknown) => rt.log.warn('slack channel file not handled', { error: error instanceof Error ? error.message : String(error) }));
  };
}

/** Download a Slack file and attach it as proof; every outcome is a reply (errors included). */
export async function attach(rt: SlackRuntime, actor: Actor, info: FileInfo, token: string, target: { anchor?: string | undefined; trainingId?: string }): Promise<Reply> {
  const { anchor, trainingId } = target;
  const file = await downloadFile(info, token, rt.fileHosts);
  if (file.kind !== 'file') return downloadFailure(file);
  return asReply(() => attachProof(rt.core, actor, { fileName: file.name, bytes: file.bytes, ...(anchor ? { anchor } : {}), ...(trainingId ? { trainingId } : {}) }));
}
