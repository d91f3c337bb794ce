import { TurnContext } from 'botbuilder';
import { deactivateTeamsConversation, makeInstallerAdmin, saveTeamsConversation } from '../../../src/index.ts';
import { conversationTypeOf, personOf } from '../activity.ts';
import { actorFor, inOneTransaction, type TeamsRuntime } from '../runtime.ts';

/**
 * The app was installed (installationUpdate `add`, or conversationUpdate with the bot among
 * membersAdded): store the conversation reference, so reminders can be posted there later.
 * Uninstalled (`remove`, or the bot among membersRemoved): mark it inactive.
 */
export async function onInstallation(rt: TeamsRuntime, ctx: TurnContext, installed: boolean): Promise<void> {
  const activity = ctx.activity;
  const person = personOf(activity);
  if (!person) return void rt.log.warn('teams installation without a tenant or Entra id ignored', { id: activity.id, type: activity.type });
  const now = rt.core.clock.now().toJSDate();
  await inOneTransaction(rt, async (deps) => {
    // The installer becomes a person of the organisation (= their Entra tenant), created if new.
    const { actor } = await actorFor(deps, person, activity.id);
    if (!installed) return void (await deactivateTeamsConversation(deps.db, actor.organisationId, activity.conversation.id, now));
    // Teams names no tenant admins to the bot: whoever installed the app (`from`, by tenant and Entra id) administers Recert there.
    await makeInstallerAdmin(deps, actor);
    const type = conversationTypeOf(activity);
    await saveTeamsConversation(
      deps.db,
      {
        organisationId: actor.organisationId,
        conversationId: activity.conversation.id,
        conversationType: type,
        serviceUrl: activity.serviceUrl,
        tenantId: person.tenantId,
        botId: activity.recipient.id,
        aadObjectId: type === 'personal' ? person.aadObjectId : null,
        reference: JSON.stringify(TurnContext.getConversationReference(activity)),
      },
      now,
    );
  });
  rt.log.info(installed ? 'teams conversation stored' : 'teams conversation inactive', { conversation: activity.conversation.id, tenant: person.tenantId });
}

/** installationUpdate's action: add / add-upgrade install, remove / remove-upgrade uninstall, anything else ignored. */
export function installationAction(action: string | undefined): boolean | null {
  if (action === 'add' || action === 'add-upgrade') return true;
  if (action === 'remove' || action === 'remove-upgrade') return false;
  return null;
}

/** conversationUpdate: true when the bot itself was added, false when it was removed, null otherwise. */
export function botMembership(ctx: TurnContext): boolean | null {
  const bot = ctx.activity.recipient.id;
  if (ctx.activity.membersAdded?.some((m) => m.id === bot)) return true;
  if (ctx.activity.membersRemoved?.some((m) => m.id === bot)) return false;
  return null;
}
