import { asReply, cancelDraft, confirmDraft, getHistory, undoLast, type CoreDeps, type Reply } from '../../../src/index.ts';
import type { SlackAuth } from '../clients.ts';
import { actorFor, type SlackRuntime } from '../runtime.ts';
import type { Surface } from '../send.ts';
import type { SlackOutcome } from './outcome.ts';
import type { PayloadOf } from './payloads.ts';

/** A button's answer replaces the message it was on (its response_url), or goes to the DM (App Home has none). */
export function buttonSurface(p: PayloadOf<'button'>): Surface {
  if (p.button === 'home-attach') return { kind: 'dm', userId: p.userId };
  return p.responseUrl ? { kind: 'respond', responseUrl: p.responseUrl, replaceOriginal: true, userId: p.userId } : { kind: 'dm', userId: p.userId };
}

export async function applyButton(rt: SlackRuntime, deps: CoreDeps, auth: SlackAuth, p: PayloadOf<'button'>, requestId: string): Promise<SlackOutcome> {
  const { actor } = await actorFor(rt, deps, auth.client, { teamId: p.teamId, userId: p.userId, requestId });
  const reply: Reply = await asReply(async () => {
    switch (p.button) {
      case 'confirm':
        return confirmDraft(deps, actor, { draftId: p.value });
      case 'confirm-unregistered':
        return confirmDraft(deps, actor, { draftId: p.value, registered: false });
      case 'cancel':
        return cancelDraft(deps, actor, { draftId: p.value });
      case 'undo':
        return undoLast(deps, actor, p.value ? { trainingId: p.value } : {});
      case 'history-page': {
        const page = Number.parseInt(p.value, 10);
        return getHistory(deps, actor, Number.isFinite(page) ? page : 1);
      }
      case 'home-attach':
        return { kind: 'help', topic: 'proof' };
    }
  });
  return { surface: buttonSurface(p), replies: [reply] };
}
