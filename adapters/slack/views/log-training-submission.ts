import type { AllMiddlewareArgs, Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { asReply, cancelDraft, checkTrainingForm, localDate, logTrainingForm, type Actor, type Reply } from '../../../src/index.ts';
import { callSlack } from '../deliver.ts';
import { attach } from '../events/file-shared.ts';
import { fileInfo } from '../file-download.ts';
import { modalErrors, readLogTrainingSubmission } from '../render/modal.ts';
import { actorFor, anchorOf, firstDelivery, teamOf, type SlackRuntime } from '../runtime.ts';
import { handled, sendReplies, type Surface } from '../send.ts';
import { decodeModalMetadata } from './modal-metadata.ts';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The zone furthest ahead (UTC+14): before Slack has told us a person's zone, no real "today" is refused. */
const LATEST_ZONE = 'Pacific/Kiritimati';

/**
 * "Log a training" submitted. Field problems go back into the modal within the 3-second ack (a check
 * without I/O); then the entry is logged, the attached file (if any) becomes its proof, and the
 * result goes to the preview's thread or the person's DM.
 */
export function logTrainingSubmission(rt: SlackRuntime): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client, context }: SubmitArgs) => {
    const { form, fileIds } = readLogTrainingSubmission(view.state.values);
    const teamId = teamOf(rt, 'log training modal', context.teamId, body.team?.id, body.user.team_id);
    if (!teamId) return void (await ack());
    const zone = rt.people.cachedZone(teamId, body.user.id) ?? LATEST_ZONE;
    const problems = checkTrainingForm(form, localDate(rt.core.clock.now(), zone));
    if (problems.length) {
      await ack({ response_action: 'errors', errors: modalErrors(problems) });
      return;
    }
    await ack();
    const metadata = decodeModalMetadata(view.private_metadata);
    const surface: Surface =
      metadata.channel && metadata.threadTs
        ? { kind: 'thread', client, channel: metadata.channel, threadTs: metadata.threadTs, userId: body.user.id }
        : { kind: 'dm', client, userId: body.user.id };
    await handled(rt, surface, 'log training modal', async () => {
      if (!(await firstDelivery(rt, 'slack-view', `${view.id}:${view.hash}`))) return;
      const { actor } = await actorFor(rt, client, { teamId, userId: body.user.id, requestId: view.id });
      // The preview being edited is dropped first; if it was logged meanwhile, logging it again would double it.
      const dropped = metadata.draftId ? await asReply(() => cancelDraft(rt.core, actor, { draftId: metadata.draftId })) : null;
      if (dropped?.kind === 'error' && dropped.code === 'draft-already-logged') return sendReplies(rt, surface, [dropped]);
      const anchor = metadata.channel && metadata.threadTs ? anchorOf(metadata.channel, metadata.threadTs) : undefined;
      const logged = await asReply(() => logTrainingForm(rt.core, actor, form, anchor ? { anchor } : {}));
      const replies: Reply[] = [logged];
      if (logged.kind === 'training-logged') replies.push(...(await attachUploads(rt, client, actor, fileIds, logged.training.id, context.botToken ?? '')));
      await sendReplies(rt, surface, replies);
    });
  };
}

async function attachUploads(rt: SlackRuntime, client: SubmitArgs['client'], actor: Actor, fileIds: readonly string[], trainingId: string, token: string): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const id of fileIds) {
    const info = await callSlack(rt.log, 'files.info', () => fileInfo(client, id), rt.sleep);
    replies.push(await attach(rt, actor, info, token, { trainingId }));
  }
  return replies;
}
