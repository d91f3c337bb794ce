import { randomUUID } from 'node:crypto';
import type { Activity, Attachment, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import { enqueueInbound, PermanentDeliveryError, type Actor, type CoreDeps, type InboundHandler, type Reply } from '../../src/index.ts';
import type { PaperworkFile } from '../common/paperwork/files.ts';
import type { TeamsPerson } from './activity.ts';
import { offerFiles, type ExportOwner, type PaperworkReply } from './file-consent.ts';
import type { TeamsConnector } from './outbound/connector.ts';
import { postOnce } from './export-posts.ts';
import { attachmentOf, cardOf, type TeamsRuntime } from './runtime.ts';

/** The inbox's platform and kind for a Teams export waiting to be made (other platforms' workers never take it). */
export const TEAMS_INBOX_PLATFORM = 'teams';
export const EXPORT_KIND = 'export';

/** What a queued export holds: plain JSON, kept in inbound_deliveries until it is sent. */
interface ExportJob {
  readonly reply: PaperworkReply;
  readonly owner: ExportOwner;
  /** The turn's conversation (with its service URL and bot); the files go to the person's personal chat. */
  readonly reference: Partial<ConversationReference>;
  /** The turn was in personal chat (post there); else the personal chat is opened for `member`. */
  readonly personal: boolean;
  readonly member: { readonly id: string; readonly name: string };
}

/** What the job's effect produced, stored with it and sent after the commit. */
interface ExportOutcome {
  readonly note: Reply;
  readonly cards: readonly Attachment[];
}

/**
 * Queue the turn's exports (paperwork replies) in the inbox, in the turn's transaction — with the
 * activity's duplicate claim, so a resent activity queues nothing and an answered one is never
 * lost. The files are made, offered and sent by a worker after the turn has answered: a PDF or an
 * evidence pack can take longer than Teams waits for a bot.
 */
export async function queueExports(deps: CoreDeps, activity: Activity, person: TeamsPerson, actor: Actor, replies: readonly Reply[], personal: boolean): Promise<number> {
  const exports = replies.filter((r): r is PaperworkReply => r.kind === 'paperwork');
  const reference = { ...TurnContext.getConversationReference(activity), activityId: undefined };
  const owner: ExportOwner = { organisationId: actor.organisationId, personId: actor.personId, tenantId: person.tenantId };
  // The activity's id dedupes a resend; an activity without one (never seen from Teams) is queued as new.
  const turnId = activity.id || randomUUID();
  for (const [i, reply] of exports.entries()) {
    const job: ExportJob = { reply, owner, reference, personal, member: { id: activity.from.id, name: activity.from.name ?? '' } };
    const item = { platform: TEAMS_INBOX_PLATFORM, deliveryId: `export:${turnId}:${i}`, kind: EXPORT_KIND, tenantKey: person.tenantId, userKey: person.aadObjectId, payload: job };
    await enqueueInbound(deps.db, item, deps.clock.now().toJSDate());
  }
  return exports.length;
}

/**
 * The inbox worker's side: make the files (prepare, outside any transaction: the slow part), offer
 * them (apply, in the job's transaction), then post the export's note and one file consent card per
 * file to the person's personal chat (deliver, proactive, one attempt per post, each post at most
 * once across retries: export-posts.ts).
 */
export function exportHandler(rt: TeamsRuntime, connector: TeamsConnector): InboundHandler<PaperworkFile[]> {
  return {
    prepare: async (delivery) => rt.makeFiles(rt.core, jobOf(delivery.payload).reply.paperwork),
    apply: async (deps, delivery, files): Promise<ExportOutcome> => {
      const job = jobOf(delivery.payload);
      return offerFiles(deps, job.owner, job.reply, files);
    },
    deliver: async (delivery, outcome, failed) => {
      const job = jobOf(delivery.payload);
      const { note, cards } = outcome as ExportOutcome;
      const activities: Partial<Activity>[] = [{ type: 'message', attachments: [attachmentOf(cardOf(rt, note, job.owner.tenantId))] }, ...cards.map((c) => ({ type: 'message', attachments: [c] }))];
      // A retried delivery resumes after the posts already made (export-posts.ts), never resending the note or a card.
      const to = { organisationId: job.owner.organisationId, tenantId: job.owner.tenantId, reference: job.reference, personal: job.personal, member: job.member };
      await postOnce(rt.core, connector, `${delivery.id}:${failed ? 'failure' : 'files'}`, to, activities);
      rt.log.info('teams export offered', { files: cards.length, tenant: job.owner.tenantId });
    },
    failure: (_delivery, reference): ExportOutcome => ({ note: { kind: 'error', code: 'processing-failed', details: { reference } }, cards: [] }),
  };
}

/** The stored job, as queued by queueExports (a malformed one cannot be retried into shape). */
function jobOf(payload: unknown): ExportJob {
  const job = (typeof payload === 'string' ? JSON.parse(payload) : payload) as Partial<ExportJob> | null;
  if (!job || job.reply?.kind !== 'paperwork' || !job.owner || !job.reference) throw new PermanentDeliveryError('not a Teams export job');
  return job as ExportJob;
}
