import { asReply, logTrainingForm, submitDraftForm, type CoreDeps, type Reply } from '../../../src/index.ts';
import type { SlackAuth } from '../clients.ts';
import type { SlackFile } from '../file-download.ts';
import { actorFor, anchorOf, type SlackRuntime } from '../runtime.ts';
import type { Surface } from '../send.ts';
import { attachFile } from './files.ts';
import type { SlackOutcome } from './outcome.ts';
import type { PayloadOf } from './payloads.ts';

/** The answer goes to the thread of the preview being edited, else the person's DM. */
export function formSurface(p: PayloadOf<'view'>): Surface {
  return p.channel && p.threadTs ? { kind: 'thread', channel: p.channel, threadTs: p.threadTs, userId: p.userId } : { kind: 'dm', userId: p.userId };
}

/**
 * "Log a training" submitted: the entry is logged (for an edited preview, as that preview's entry —
 * at most once, see submitDraftForm), and the certificates uploaded with it become its proof.
 */
export async function applyForm(rt: SlackRuntime, deps: CoreDeps, auth: SlackAuth, p: PayloadOf<'view'>, uploads: readonly SlackFile[], requestId: string): Promise<SlackOutcome> {
  const { actor } = await actorFor(rt, deps, auth.client, { teamId: p.teamId, userId: p.userId, requestId });
  const anchor = p.channel && p.threadTs ? anchorOf(p.channel, p.threadTs) : undefined;
  const logged = await asReply(() => (p.draftId ? submitDraftForm(deps, actor, p.draftId, p.form) : logTrainingForm(deps, actor, p.form, anchor ? { anchor } : {})));
  const replies: Reply[] = [logged];
  if (logged.kind === 'training-logged' && !logged.alreadyLogged) {
    for (const file of uploads) replies.push(await attachFile(deps, actor, file, { trainingId: logged.training.id }));
  }
  return { surface: formSurface(p), replies };
}
