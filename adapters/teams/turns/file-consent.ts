import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { dropFileOffer, takeFileOffer, type FileOffer } from '../../../src/index.ts';
import { personOf, type TeamsPerson } from '../activity.ts';
import { FILE_INFO_CARD, uploadToSession, type UploadResult } from '../file-consent.ts';
import { noteCard } from '../render/note-card.ts';
import { actorFor, attachmentOf, inOneTransaction, type TeamsRuntime } from '../runtime.ts';

const consentSchema = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ offer: z.string().max(100), tenant: z.string().max(100) }),
  uploadInfo: z.object({ name: z.string().max(255).optional(), uploadUrl: z.string().max(4000).optional(), contentUrl: z.string().max(4000).optional(), uniqueId: z.string().max(200).optional(), fileType: z.string().max(20).optional() }).optional(),
});

export const OFFER_GONE_TEXT = 'That file is no longer waiting for you (it was saved already, or more than 15 minutes went by). Ask for the export again.';
export const DECLINED_TEXT = "No problem: I didn't save the file anywhere. Ask for the export again whenever you want it.";
const UPLOAD_FAILED: Readonly<Record<Exclude<UploadResult, 'uploaded'>, string>> = {
  'host-not-allowed': "Teams asked me to save the file somewhere that isn't your OneDrive, so I didn't. Ask for the export again.",
  failed: "I couldn't save the file to your OneDrive. Ask for the export again in a minute.",
  timeout: 'Saving the file to your OneDrive took too long, so I stopped. Ask for the export again in a minute.',
};

/**
 * A file consent card answered (`fileConsent/invoke`). Allow: the offer is taken once (only by the
 * person it was made for, in their tenant, before it expires), its bytes PUT to the upload session
 * Teams opened in their OneDrive, then a file info card links the saved file. Decline: the offer is
 * deleted and the person told so. teams-ai answers the invoke 200 after this returns.
 */
export async function onFileConsent(rt: TeamsRuntime, ctx: TurnContext, raw: unknown): Promise<void> {
  const person = personOf(ctx.activity);
  const parsed = consentSchema.safeParse(raw);
  if (!person || !parsed.success || parsed.data.context.tenant !== person.tenantId) {
    rt.log.warn('teams file consent refused', { id: ctx.activity.id, readable: parsed.success });
    return say(ctx, OFFER_GONE_TEXT);
  }
  const { action, context, uploadInfo } = parsed.data;
  if (action === 'decline') {
    await inOneTransaction(rt, async (deps) => {
      const { actor } = await actorFor(deps, person, ctx.activity.id);
      await dropFileOffer(deps.db, actor.organisationId, actor.personId, context.offer);
    });
    return say(ctx, DECLINED_TEXT);
  }
  const file = await taken(rt, person, ctx.activity.id, context.offer);
  if (!file || !uploadInfo?.uploadUrl) return say(ctx, OFFER_GONE_TEXT);
  const result = await uploadToSession(rt, uploadInfo.uploadUrl, file.bytes);
  if (result !== 'uploaded') return say(ctx, UPLOAD_FAILED[result], 'Warning');
  rt.log.info('teams export saved to OneDrive', { name: file.fileName, bytes: file.bytes.length });
  await ctx.sendActivity({
    type: 'message',
    attachments: [{ contentType: FILE_INFO_CARD, contentUrl: uploadInfo.contentUrl ?? '', name: uploadInfo.name ?? file.fileName, content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType ?? file.fileName.split('.').pop() } }],
  });
}

function taken(rt: TeamsRuntime, person: TeamsPerson, requestId: string | undefined, offer: string): Promise<FileOffer | null> {
  return inOneTransaction(rt, async (deps) => {
    const { actor } = await actorFor(deps, person, requestId);
    return takeFileOffer(deps.db, actor.organisationId, actor.personId, offer, deps.clock.now().toJSDate());
  });
}

async function say(ctx: TurnContext, text: string, color: 'Default' | 'Warning' = 'Default'): Promise<void> {
  await ctx.sendActivity({ type: 'message', attachments: [attachmentOf(noteCard(text, color))] });
}
