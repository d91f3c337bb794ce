import type { Activity, ConversationParameters, ConversationReference } from 'botbuilder';
import { claimInbound, PermanentDeliveryError, releaseInbound, type CoreDeps, type Logger } from '../../src/index.ts';
import type { TeamsConnector, Probe } from './outbound/connector.ts';
import { teamsOutcome } from './outbound/outcome.ts';

/** The marks' source in processed_inbound: one per post of an export (`<inbox id>:<outcome>:<n>`). */
export const EXPORT_POST_MARK = 'teams-export-post';

/** Where an export's posts go: the turn's personal chat, or the asker's, opened from a channel turn. */
export interface ExportDestination {
  readonly organisationId: string;
  readonly tenantId: string;
  /** The turn's conversation (with its service URL and bot). */
  readonly reference: Partial<ConversationReference>;
  /** The turn was in personal chat: post there; else open the personal chat with `member`. */
  readonly personal: boolean;
  readonly member: { readonly id: string; readonly name: string };
}

/**
 * Post an export's activities in order, each at most once across retries and workers: each post
 * is marked (claimed in processed_inbound, committed at once) before it is sent, so a retried
 * delivery — after a failed post, or taken over by another worker while the first is still
 * sending — resumes after what was sent instead of sending the sequence again. A post refused
 * with nothing created (before it left, 412, 429) gives its mark back and fails the delivery (the
 * inbox retries it); one that may have arrived (a reset, a 5xx after it left) or was refused for
 * itself keeps its mark and is not resent; a chat that is gone stops the delivery for good.
 */
export async function postOnce(deps: Pick<CoreDeps, 'db' | 'clock'> & { readonly log: Logger }, connector: TeamsConnector, key: string, to: ExportDestination, activities: readonly Partial<Activity>[]): Promise<void> {
  let reference = to.personal ? to.reference : null;
  for (const [i, activity] of activities.entries()) {
    const mark = `${key}:${i}`;
    // Sent before, or being sent now by the worker that held this delivery first.
    if (!(await claimInbound(deps.db, EXPORT_POST_MARK, mark, to.organisationId, deps.clock.now().toJSDate()))) continue;
    const probe: Probe = { armed: false, left: false };
    try {
      reference = await postOne(connector, to, reference, activity, probe);
    } catch (error) {
      const outcome = teamsOutcome(error, probe.left, deps.clock.now().toMillis());
      if (outcome.status === 'retry' || outcome.status === 'rate-limited') {
        await releaseInbound(deps.db, EXPORT_POST_MARK, mark);
        throw error;
      }
      if (outcome.status === 'permanent') throw new PermanentDeliveryError(`the personal chat cannot be posted to: ${outcome.error}`);
      deps.log.warn('teams export post may not have arrived; not sent again', { post: i, outcome: outcome.status });
    }
  }
}

/** One post: into the known chat, or (asked in a channel) into the asker's personal chat, opened now (Teams answers with the existing one). */
async function postOne(connector: TeamsConnector, to: ExportDestination, reference: Partial<ConversationReference> | null, activity: Partial<Activity>, probe: Probe): Promise<Partial<ConversationReference>> {
  if (reference) {
    await connector.send(reference, activity, probe);
    return reference;
  }
  const parameters = { isGroup: false, bot: to.reference.bot, members: [to.member], tenantId: to.tenantId, channelData: { tenant: { id: to.tenantId } } } as ConversationParameters;
  return (await connector.createAndSend(to.reference.serviceUrl ?? '', parameters, activity, probe)).reference;
}
