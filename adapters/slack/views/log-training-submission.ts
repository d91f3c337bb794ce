import type { AllMiddlewareArgs, Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { checkTrainingForm, localDate } from '../../../src/index.ts';
import { accept, NOT_STORED_TEXT, UNREADABLE_TEXT } from '../inbound/accept.ts';
import { LOG_BLOCKS } from '../render/modal-ids.ts';
import { modalErrors, readLogTrainingSubmission } from '../render/modal.ts';
import { teamOf, type SlackRuntime } from '../runtime.ts';
import { decodeModalMetadata } from './modal-metadata.ts';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The zone furthest ahead (UTC+14): before Slack has told us a person's zone, no real "today" is refused. */
const LATEST_ZONE = 'Pacific/Kiritimati';

/** Keeps the modal open with the person's values, and a message under the title. */
const keepOpen = (message: string) => ({ response_action: 'errors' as const, errors: { [LOG_BLOCKS.title]: message } });

/**
 * "Log a training" submitted. Field problems go back into the modal within the 3-second ack (a check
 * without I/O); a valid form is stored in the inbox, then acknowledged (the modal closes); the
 * answer goes to the preview's thread or the person's DM. If it cannot be stored, the modal stays
 * open with everything the person typed, and says so.
 */
export function logTrainingSubmission(rt: SlackRuntime): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, context }: SubmitArgs) => {
    const teamId = teamOf(rt, 'log training modal', context.teamId, body.team?.id, body.user.team_id);
    if (!teamId) return void (await ack(keepOpen(UNREADABLE_TEXT)));
    const read = readLogTrainingSubmission(view.state?.values);
    if (!read.ok) {
      rt.log.warn('slack: "Log a training" submission not shaped as expected', { reason: read.problem.reason, blocks: read.problem.blocks });
      return void (await ack({ response_action: 'errors', errors: read.errors }));
    }
    const zone = rt.people.cachedZone(teamId, body.user.id) ?? LATEST_ZONE;
    const problems = checkTrainingForm(read.form, localDate(rt.core.clock.now(), zone));
    if (problems.length) return void (await ack({ response_action: 'errors', errors: modalErrors(problems) }));
    const metadata = decodeModalMetadata(view.private_metadata);
    const stored = await accept(rt, `view:${view.id}:${view.hash}`, {
      kind: 'view',
      teamId,
      enterpriseId: context.enterpriseId ?? body.enterprise?.id ?? null,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
      userId: body.user.id,
      form: read.form,
      fileIds: read.fileIds,
      draftId: metadata.draftId ?? null,
      channel: metadata.channel ?? null,
      threadTs: metadata.threadTs ?? null,
    }).catch((error: unknown) => {
      rt.log.error('slack form not stored', { error: error instanceof Error ? error.message : String(error) });
      return 'failed' as const;
    });
    if (stored === 'failed') return void (await ack(keepOpen(NOT_STORED_TEXT)));
    if (stored === 'invalid') return void (await ack(keepOpen(UNREADABLE_TEXT)));
    await ack();
  };
}
