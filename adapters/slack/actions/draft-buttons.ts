import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { draftFields, isRecertError, type DraftFields, type Reply } from '../../../src/index.ts';
import { renderMessage } from '../render/message.ts';
import { teamOf, type SlackRuntime } from '../runtime.ts';
import { openLogModal } from '../views/open-log-modal.ts';
import { placeOf, tellAtOnce, type ButtonArgs } from './action-context.ts';

type ButtonMiddleware = Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;

/**
 * Edit: the "Log a training" modal, filled with the preview; submitting it logs the entry (at most
 * once, see submitDraftForm). It only reads, and must open the modal within the trigger's 3 s, so it
 * runs right after the ack instead of through the inbox.
 */
export function editButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    const { body, action, ack, context, client } = args as ButtonArgs;
    await ack();
    const teamId = teamOf(rt, 'edit button', context.teamId, body.team?.id, body.user.team_id);
    if (!teamId) return;
    const draftId = action.value ?? '';
    const fields = await readDraft(rt, teamId, body.user.id, draftId);
    if ('code' in fields) return tellAtOnce(rt, body.response_url, renderMessage(fields).text);
    const { title, completedOn, minutes, kind, registered } = fields;
    // A call's preview asks for registration; an unanswered question is prefilled as "registered", as Confirm would read it.
    const prefill = { ...(title ? { title } : {}), completedOn, ...(minutes === null ? {} : { minutes }), kind, registered: registered ?? kind === 'npc' };
    const { channel, threadTs } = placeOf(body);
    await openLogModal(rt, client, { triggerId: body.trigger_id, teamId, userId: body.user.id, metadata: { draftId, ...(channel && threadTs ? { channel, threadTs } : {}) }, prefill });
  };
}

/** The preview's fields, or the reply explaining why it cannot be edited (logged, dropped, not theirs). */
async function readDraft(rt: SlackRuntime, teamId: string, userId: string, draftId: string): Promise<DraftFields | Extract<Reply, { kind: 'error' }>> {
  try {
    const fields = await draftFields(rt.core, { platform: 'slack', organisationExternalId: teamId, userExternalId: userId }, draftId);
    if (fields.status === 'open') return fields;
    return { kind: 'error', code: fields.status === 'confirmed' ? 'draft-already-logged' : 'draft-not-found', details: { status: fields.status } };
  } catch (error) {
    if (isRecertError(error)) return { kind: 'error', code: error.code, details: error.details };
    rt.log.error('slack edit button failed', { error: error instanceof Error ? error.message : String(error) });
    return { kind: 'error', code: 'processing-failed', details: { reference: rt.newReference() } };
  }
}
