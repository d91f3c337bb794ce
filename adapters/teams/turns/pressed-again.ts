import { asReply, confirmDraft, type Actor, type CoreDeps, type Reply } from '../../../src/index.ts';

/** What a button pressed a second time (a resent card, Teams resending the press) answers: replies to show, or a sentence. */
export type AgainAnswer = { readonly replies: Reply[] } | { readonly text: string };

/** Buttons that only read: pressed again, they are simply answered again. */
const READ_ONLY: ReadonlySet<string> = new Set(['history-page', 'report-page', 'person-details', 'see-status', 'attach-certificate']);

const ALREADY: Readonly<Record<string, string>> = {
  'cancel-draft': 'You cancelled this draft already (this card was sent again), so nothing changed.',
  undo: "You pressed Undo on this card already, and that entry was taken back then. I didn't undo anything else.",
  snooze: 'Your reminders were snoozed when you first pressed Snooze on this card; I changed nothing this time.',
  'audit-attach': 'You chose this entry already: send the certificate file here, attached to a message.',
};

export const PRESSED_AGAIN_TEXT = 'You pressed this button already (this card was sent again); that was done then, so I changed nothing this time.';

/**
 * A press whose nonce was claimed before: the first press committed what it did (its claim is in
 * the same transaction), so this one changes nothing and says what happened. Confirm asks the core,
 * whose confirmDraft is idempotent: "Already logged as entry #N" (or the draft is gone).
 */
export async function answerAgain(deps: CoreDeps, actor: Actor, action: string, ids: Readonly<Record<string, string | number>>, pressed: () => Promise<Reply[]>): Promise<AgainAnswer> {
  if (action === 'confirm' || action === 'confirm-unregistered') return { replies: [await asReply(() => confirmDraft(deps, actor, { draftId: String(ids.draftId ?? '') }))] };
  if (READ_ONLY.has(action)) return { replies: await pressed() };
  return { text: ALREADY[action] ?? PRESSED_AGAIN_TEXT };
}
