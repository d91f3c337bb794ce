import type { Middleware, SlackActionMiddlewareArgs, BlockAction, ButtonAction } from '@slack/bolt';
import { cancelDraft, confirmDraft, draftFields, isRecertError, type Reply } from '../../../src/index.ts';
import type { SlackRuntime } from '../runtime.ts';
import { handled, sendReplies } from '../send.ts';
import { openLogModal } from '../views/open-log-modal.ts';
import { pressed, type ButtonArgs } from './action-context.ts';

type ButtonMiddleware = Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;

/** Confirm (value: draft id). `registered` is the answer for calls: false is "Not registered". */
export function confirmButton(rt: SlackRuntime, registered?: boolean): ButtonMiddleware {
  return async (args) => {
    const press = await pressed(rt, args as ButtonArgs);
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
    const press = await pressed(rt, args as ButtonArgs);
    await handled(rt, press.surface, 'cancel', async () => {
      if (!(await press.isFirst())) return;
      const { actor } = await press.identify();
      await sendReplies(rt, press.surface, [await asReply(() => cancelDraft(rt.core, actor, press.value))]);
    });
  };
}

/** Edit: the "Log a training" modal, filled with the preview; saving it logs the entry and drops the preview. */
export function editButton(rt: SlackRuntime): ButtonMiddleware {
  return async (args) => {
    const press = await pressed(rt, args as ButtonArgs);
    await handled(rt, press.surface, 'edit', async () => {
      if (!(await press.isFirst())) return;
      const { actor } = await press.identify();
      const fields = await draftFields(rt.core, actor, press.value).catch(() => null);
      const prefill = fields ? { ...(fields.title ? { title: fields.title } : {}), completedOn: fields.completedOn, ...(fields.minutes === null ? {} : { minutes: fields.minutes }), kind: fields.kind } : undefined;
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

/** A person's mistake (a cancelled preview, a second click) is a reply too. */
export async function asReply(work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (isRecertError(error)) return { kind: 'error', code: error.code, details: error.details };
    throw error;
  }
}
