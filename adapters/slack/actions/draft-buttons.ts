import type { Middleware, SlackActionMiddlewareArgs, BlockAction, ButtonAction } from '@slack/bolt';
import { asReply, cancelDraft, confirmDraft, draftFields, isRecertError, type Reply } from '../../../src/index.ts';
import type { SlackRuntime } from '../runtime.ts';
import { handled, sendReplies } from '../send.ts';
import { openLogModal } from '../views/open-log-modal.ts';
import { pressed } from './action-context.ts';

type ButtonMiddleware = Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;

/** Confirm (value: draft id). `registered` is the answer for calls: false is "Not registered". */
export function confirmButton(rt: SlackRuntime, registered?: boolean): ButtonMiddleware {
  return async (args) => {
    const press = await pressed(rt, args);
    if (!press) return;
    await handled(rt, press.surface, 'confirm', async () => {
      if (!(await press.isFirst())) return;
      const { actor } = await press.identify();
      const reply = await asReply(() => confirmDraft(rt.core, actor, { draftId: press.value, ...(registered === undefined ? {} : { registered }) }));
      await sendReplies(rt, press.surface, [reply]);
    });
  };
}

export function cancelButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    const press = await pressed(rt, args);
    if (!press) return;
    await handled(rt, press.surface, 'cancel', async () => {
      if (!(await press.isFirst())) return;
      const { actor } = await press.identify();
      await sendReplies(rt, press.surface, [await asReply(() => cancelDraft(rt.core, actor, { draftId: press.value }))]);
    });
  };
}

/** Edit: the "Log a training" modal, filled with the preview; saving it logs the entry and drops the preview. */
export function editButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    const press = await pressed(rt, args);
    if (!press) return;
    await handled(rt, press.surface, 'edit', async () => {
      if (!(await press.isFirst())) return;
      const { actor } = await press.identify();
      const fields = await draftFields(rt.core, actor, press.value).catch((error: unknown) => errorReply(error));
      if ('code' in fields) return sendReplies(rt, press.surface, [fields]);
      // A preview already logged (or dropped) is not edited into a second entry.
      if (fields.status !== 'open') {
        return sendReplies(rt, press.surface, [{ kind: 'error', code: fields.status === 'confirmed' ? 'draft-already-logged' : 'draft-not-found', details: { status: fields.status } }]);
      }
      const { title, completedOn, minutes, kind, registered } = fields;
      // A call's preview asks for registration; an unanswered question is prefilled as "registered", as Confirm would read it.
      const prefill = { ...(title ? { title } : {}), completedOn, ...(minutes === null ? {} : { minutes }), kind, registered: registered ?? kind === 'npc' };
      await openLogModal(rt, args.client, {
        triggerId: press.triggerId,
        teamId: press.teamId,
        userId: press.userId,
        metadata: { draftId: press.value, ...(press.channel && press.threadTs ? { channel: press.channel, threadTs: press.threadTs } : {}) },
        ...(prefill ? { prefill } : {}),
      });
    });
  };
}

/** A person's mistake (an unknown or foreign draft id) as a reply; anything else is a real failure. */
function errorReply(error: unknown): Extract<Reply, { kind: 'error' }> {
  if (isRecertError(error)) return { kind: 'error', code: error.code, details: error.details };
  throw error;
}
