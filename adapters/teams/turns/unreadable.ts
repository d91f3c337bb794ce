import type { TurnContext } from 'botbuilder';
import type { ServerResponse } from 'node:http';
import { conversationTypeOf, mentionsBot } from '../activity.ts';
import { unreadableIdText, type UnreadableId } from '../activity-ids.ts';
import { noteCard } from '../render/note-card.ts';
import { attachmentOf, type TeamsRuntime } from '../runtime.ts';

/** The content type of an Adaptive Card answer to an invoke (Action.Execute's response). */
const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

/**
 * An activity with an id that cannot be answered with (its conversation, bot, service URL or own
 * id): 400 before anything runs, as no reply is possible. Only the field is named (the value may
 * hold control characters or be kilobytes long).
 */
export function refuseUnreadable(res: ServerResponse, bad: UnreadableId): void {
  res.writeHead(400, { 'content-type': 'text/plain' });
  res.end(`the activity's ${bad.field} cannot be read: ${bad.problem}`);
}

/**
 * An authenticated turn with an unreadable tenant, user or mentioned person's id: nothing runs and
 * nothing is stored; a message (in personal chat, or @mentioning the bot) and a card action or
 * file consent (invoke) get a sentence saying so; an install or conversation update is only logged.
 */
export async function answerUnreadable(rt: TeamsRuntime, ctx: TurnContext, bad: UnreadableId): Promise<void> {
  const activity = ctx.activity;
  rt.log.warn('teams activity refused: unreadable id', { field: bad.field, problem: bad.problem, type: activity.type });
  const card = noteCard(unreadableIdText(bad), 'Warning');
  if (activity.type === 'invoke') {
    await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: card } } });
    return;
  }
  const addressed = conversationTypeOf(activity) === 'personal' || mentionsBot(activity);
  if (activity.type === 'message' && addressed) await ctx.sendActivity({ type: 'message', attachments: [attachmentOf(card)] });
}
