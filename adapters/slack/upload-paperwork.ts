import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../src/index.ts';
import { deliveryOf, makePaperworkFiles } from '../common/paperwork/make-files.ts';
import { callSlack, DeliveryError } from './deliver.ts';
import { renderMessage, type SlackMessage } from './render/message.ts';
import type { SlackRuntime } from './runtime.ts';

type PaperworkReply = Extract<Reply, { kind: 'paperwork' }>;

/** Who asked, and the thread they asked in (if any): the files go to their DM, into that thread when it is in the DM. */
export interface Asker {
  readonly userId: string;
  readonly thread: { readonly channel: string; readonly threadTs: string } | null;
}

/**
 * Make an export's files and upload them (files.uploadV2: getUploadURLExternal, the upload URL,
 * completeUploadExternal) to the ASKER's DM only — also when the paperwork is someone else's — then
 * post a note where they asked saying where the files went (never what they say).
 */
export async function sendPaperwork(rt: SlackRuntime, client: WebClient, asker: Asker, reply: PaperworkReply, postNote: (message: SlackMessage) => Promise<void>): Promise<void> {
  const files = await makePaperworkFiles(rt.core, reply.paperwork);
  try {
    const opened = await callSlack(rt.log, 'conversations.open', () => client.conversations.open({ users: asker.userId }), rt.sleep);
    const channel = opened.channel?.id ?? asker.userId;
    const threadTs = asker.thread?.channel === channel ? asker.thread.threadTs : undefined;
    await callSlack(
      rt.log,
      'files.uploadV2',
      () =>
        client.filesUploadV2({
          channel_id: channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          file_uploads: files.map((f) => ({ file: f.bytes, filename: f.name, title: f.name })),
        }),
      rt.sleep,
    );
  } catch (error) {
    if (!(error instanceof DeliveryError) || error.problem !== 'missing-scope') throw error;
    await postNote(renderMessage({ kind: 'error', code: 'paperwork-upload-unavailable', details: {} }));
    return;
  }
  await postNote(renderMessage({ ...reply, delivered: deliveryOf(files, { kind: 'dm' }) }));
}
