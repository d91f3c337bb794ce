import type { Activity, TurnContext } from 'botbuilder';
import type { Actor, Reply } from '../../../src/index.ts';
import type { TeamsPerson } from '../activity.ts';
import { sendToPersonalChat } from '../personal-chat.ts';
import { noteCard } from '../render/note-card.ts';
import { attachmentOf, cardOf, type TeamsRuntime } from '../runtime.ts';
import { sendNotices, type Notice } from './notify.ts';

/** What Slack answers ephemerally (only the asker sees it): in a Teams channel these go to the asker's personal chat. */
const PRIVATE_KINDS: ReadonlySet<Reply['kind']> = new Set(['status', 'history', 'paperwork', 'proof-attached', 'credential-saved', 'fee-recorded']);

export const SENT_PRIVATELY_TEXT = 'I sent my answer to our personal chat: it is for you alone.';
export const PERSONAL_CHAT_FAILED_TEXT = "I couldn't open our personal chat to answer you privately. Open a chat with Recert (Apps → Recert) and ask me there.";

/**
 * Send a turn's replies. Exports answer "Preparing…" (their file consent cards come from the export
 * worker, export-job.ts); audit requests go to each recipient (notify.ts). In personal chat
 * everything else is answered there; in a channel or group chat, private results (a person's own
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
    target.push(activityFor(rt, person, reply));
  }
  if (privately.length) here.push(await sentPrivately(rt, ctx, privately));
  if (notices.length && actor) here.push({ attachments: [attachmentOf(await sendNotices(rt, ctx, { organisationId: actor.organisationId, tenantId: person.tenantId }, notices))] });
  for (const activity of here) await ctx.sendActivity({ type: 'message', ...activity });
}

function activityFor(rt: TeamsRuntime, person: TeamsPerson, reply: Reply): Partial<Activity> {
  // An export was queued with the turn (export-job.ts): its file cards follow from the export worker.
  if (reply.kind === 'paperwork') return { attachments: [attachmentOf(noteCard(preparingText(reply)))] };
  return { attachments: [attachmentOf(cardOf(rt, reply, person.tenantId))] };
}

/** "Preparing …": what is being made, and where it will come (this personal chat). */
export function preparingText(reply: Extract<Reply, { kind: 'paperwork' }>): string {
  const what = reply.paperwork.what === 'transcript' ? `${reply.isSelf ? 'your' : 'the'} transcript` : reply.paperwork.what === 'pack' ? 'the evidence pack' : 'the report';
  return `Preparing ${what}… I'll send it here in a moment, with a card to save it to your OneDrive.`;
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
