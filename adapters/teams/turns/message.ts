import type { TurnContext } from 'botbuilder';
import { claimAdminIfNone, converse, type Actor, type Reply, type Role } from '../../../src/index.ts';
import { botNamesOf, carriesFile, conversationTypeOf, mentionsBot, personOf, plainText } from '../activity.ts';
import { mentionedPeople } from '../mentions.ts';
import { reminderChannelOf } from '../reminder-channel.ts';
import { actorFor, attachmentOf, failureReply, firstSeen, inOneTransaction, type TeamsRuntime } from '../runtime.ts';
import { queueExports } from '../export-job.ts';
import { deliverReplies } from './deliver.ts';
import { attachSentFiles, certificateFiles } from './files.ts';
import { asksForForm, emptyLogForm } from './log-form.ts';

/**
 * A message to the bot: in personal chat always, in a channel or group chat only when it is
 * @mentioned. The words go to the core's converse (the same vocabulary as Slack and the terminal);
 * each reply goes back as an Adaptive Card (private ones from a channel to personal chat: deliver.ts).
 * A resent activity (same id) is answered once.
 */
export async function onMessage(rt: TeamsRuntime, ctx: TurnContext): Promise<void> {
  const activity = ctx.activity;
  const person = personOf(activity);
  if (!person) return void rt.log.warn('teams message without a tenant or Entra id ignored', { id: activity.id });
  const personal = conversationTypeOf(activity) === 'personal';
  if (!personal && !mentionsBot(activity)) return;
  // Certificates are private: a file in a channel or group chat is not downloaded, and the person is told where to send it.
  if (!personal && carriesFile(activity)) return void (await deliverReplies(rt, ctx, person, null, [{ kind: 'error', code: 'proof-not-in-personal-chat', details: {} }], personal));
  const files = personal ? certificateFiles(activity) : [];
  if (files.length) {
    const attached = await attachSentFiles(rt, activity, person, files);
    return void (attached && (await deliverReplies(rt, ctx, person, null, attached, personal)));
  }
  const people = mentionedPeople(activity, activity.recipient?.id);
  const text = plainText(activity.text, botNamesOf(activity), people.tokens);
  if (asksForForm(text)) return void (await ctx.sendActivity({ type: 'message', attachments: [attachmentOf(await emptyLogForm(rt, person))] }));
  const answered = await inOneTransaction(rt, async (deps): Promise<Answered | null> => {
    if (!(await firstSeen(rt, deps, 'teams-activity', activity.id))) return null;
    const identified = await actorFor(deps, person, activity.id);
    // An organisation nobody administers (the installer unknown, or gone) gets its first admin from personal chat.
    const { actor, promoted } = personal ? await claimAdminIfNone(deps, identified.actor) : { actor: identified.actor, promoted: false };
    const replies = await converse(deps, actor, text, { firstContact: identified.firstContact, anchor: `teams:${activity.conversation.id}`, public: !personal, mentions: people.mentions, ...reminderChannelOf(activity) });
    // Exports are made after this turn answers ("Preparing…" now, the file cards from the export worker).
    const queued = await queueExports(deps, activity, person, actor, replies, personal);
    return { actor, queued, replies: promoted ? toldOfAdmin(replies, actor.displayName, identified.actor.role) : replies };
  }).catch((error: unknown): Answered => ({ actor: null, queued: 0, replies: [failureReply(rt, 'message', error)] }));
  if (!answered) return;
  await deliverReplies(rt, ctx, person, answered.actor, answered.replies, personal);
  // After "Preparing…" is sent, so the file cards come after it (the worker also polls: a failed send loses nothing).
  if (answered.queued) rt.exportsQueued();
}

interface Answered {
  readonly actor: Actor | null;
  /** Exports queued for the export worker. */
  readonly queued: number;
  readonly replies: readonly Reply[];
}

/** The welcome says the person was made admin; without a welcome (not their first message), a role change says it. */
function toldOfAdmin(replies: readonly Reply[], name: string, previous: Role): Reply[] {
  if (replies.some((r) => r.kind === 'welcome')) return replies.map((r) => (r.kind === 'welcome' ? { ...r, firstAdmin: true } : r));
  return [{ kind: 'role-changed', person: name, role: 'admin', teams: [], previous, platformAdmin: false }, ...replies];
}
