import type { Activity, TurnContext } from 'botbuilder';
import type { Actor, Reply } from '../../../src/index.ts';
import type { TeamsPerson } from '../activity.ts';
import { offerPaperwork } from '../file-consent.ts';
import { sendToPersonalChat } from '../personal-chat.ts';
import { noteCard } from '../render/note-card.ts';
import { attachmentOf, cardOf, failureReply, type TeamsRuntime } from '../runtime.ts';
import { sendNotices, type Notice } from './notify.ts';

/** What Slack answers ephemerally (only the asker sees it): in a Teams channel these go to the asker's personal chat. */
const PRIVATE_KINDS: ReadonlySet<Reply['kind']> = new Set(['status', 'history', 'paperwork', 'proof-attached', 'credential-saved', 'fee-recorded']);

export const SENT_PRIVATELY_TEXT = 'I sent my answer to our personal chat: it is for you alone.';
export const PERSONAL_CHAT_FAILED_TEXT = "I couldn't open our personal chat to answer you privately. Open a chat with Recert (Apps → Recert) and ask me there.";

/**
 * Send a turn's replies. Exports are offered by file consent cards (file-consent.ts). In personal
 * chat everything is answered there; in a channel or group chat, private results (a person's own
 * status, history, exports…) go to the asker's personal chat, and the channel gets a short note.
 */
export async function deliverReplies(rt: TeamsRuntime, ctx: TurnContext, person: TeamsPerson, actor: Actor | null, replies: readonly Reply[], personal: boolean): Promise<void> {
  const here: Partial<Activity>[] = [];
  const privately: Partial<Activity>[] = [];
  const notices: Notice[] = [];
  for (const reply of replies) {
    // A message for someone else (an audit's request) goes to that person's personal chat, never here.
    if (reply.kind === 'notify') {
      notices.push(reply);
      continue;
    }
    const target = personal || !PRIVATE_KINDS.has(reply.kind) ? here : privately;
    target.push(...(await activitiesFor(rt, person, actor, reply)));
  }
  if (privately.length) here.push(await sentPrivately(rt, ctx, privately));
  if (notices.length && actor) here.push({ attachments: [attachmentOf(await sendNotices(rt, ctx, { organisationId: actor.organisationId, tenantId: person.tenantId }, notices))] });
  for (const activity of here) await ctx.sendActivity({ type: 'message', ...activity });
}

async function activitiesFor(rt: TeamsRuntime, person: TeamsPerson, actor: Actor | null, reply: Reply): Promise<Partial<Activity>[]> {
  const card = (r: Reply): Partial<Activity> => ({ attachments: [attachmentOf(cardOf(rt, r, person.tenantId))] });
  if (reply.kind !== 'paperwork' || !actor) return [card(reply)];
  try {
    const offered = await offerPaperwork(rt, { organisationId: actor.organisationId, personId: actor.personId, tenantId: person.tenantId }, reply);
    return [card(offered.note), ...offered.cards.map((c) => ({ attachments: [c] }))];
  } catch (error) {
    return [card(failureReply(rt, 'export', error))];
  }
}

async function sentPrivately(rt: TeamsRuntime, ctx: TurnContext, activities: readonly Partial<Activity>[]): Promise<Partial<Activity>> {
  try {
    await sendToPersonalChat(ctx, activities);
    return { attachments: [attachmentOf(noteCard(SENT_PRIVATELY_TEXT))] };
  } catch (error) {
    rt.log.warn('teams personal chat could not be opened', { error: error instanceof Error ? error.message : String(error) });
    return { attachments: [attachmentOf(noteCard(PERSONAL_CHAT_FAILED_TEXT, 'Warning'))] };
  }
}
