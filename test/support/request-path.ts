import { randomUUID } from 'node:crypto';
import { converse } from '../../src/chat/converse.ts';
import { claimInbound } from '../../src/db/repositories/inbound.ts';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { identify, type IdentifyInput } from '../../src/use-cases/identify.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { pdfBytes } from '../builders/files.ts';

/** Each step of the scribe's request path and the reply kind it must give (else the path went wrong). */
type Step = readonly [label: string, expected: Reply['kind'], run: (actor: Actor) => Promise<Reply>];

function say(deps: CoreDeps, text: string, options: { readonly anchor?: string } = {}): (actor: Actor) => Promise<Reply> {
  return async (actor) => {
    const replies = await converse(deps, actor, text, options);
    return replies[replies.length - 1] ?? { kind: 'not-understood', text };
  };
}

function steps(deps: CoreDeps): Step[] {
  const anchor = `slack:C1:${randomUUID()}`;
  let buttonDraft = '';
  return [
    ['certificate', 'credential-saved', say(deps, 'cert CMSS-12345 issued 2026-01-15')],
    ['log without a length', 'question', say(deps, 'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500" yesterday')],
    ['answer the length', 'training-preview', say(deps, '45')],
    ['confirm', 'training-logged', say(deps, 'yes')],
    ['log in a thread', 'training-preview', async (actor) => {
      const reply = await logTraining(deps, actor, 'watched the MLN webinar on telehealth billing, 1 hr 15 min', { anchor });
      if (reply.kind === 'training-preview') buttonDraft = reply.draftId;
      return reply;
    }],
    ['confirm by button', 'training-logged', (actor) => confirmDraft(deps, actor, { draftId: buttonDraft })],
    ['log and cancel in the thread', 'draft-cancelled', async (actor) => (await say(deps, 'webinar on modifiers 30 min', { anchor })(actor), say(deps, 'no', { anchor })(actor))],
    ['status', 'status', say(deps, 'status')],
    ['history', 'history', say(deps, 'history')],
    ['edit', 'training-updated', say(deps, 'edit 1 minutes 50')],
    ['delete', 'training-deleted', say(deps, 'delete 2')],
    ['undo the delete', 'undone', say(deps, 'undo')],
    ['attach proof', 'proof-attached', (actor) => attachProof(deps, actor, { fileName: 'certificate.pdf', bytes: pdfBytes(randomUUID()) })],
    ['fee', 'fee-recorded', say(deps, 'fee paid $85 ref INV-1')],
    ['status with the fee', 'status', say(deps, 'status')],
    ['undo the fee', 'undone', say(deps, 'undo')],
  ];
}

/** A Slack-style identity for a new person in a new workspace. */
export function newcomer(): IdentifyInput {
  return {
    platform: 'slack',
    organisationExternalId: `T${randomUUID()}`,
    organisationName: 'Clinic',
    organisationTimeZone: 'UTC',
    userExternalId: `U${randomUUID().slice(0, 8)}`,
    displayName: 'Dana Scribe',
    timeZone: 'America/New_York',
    source: 'slack',
  };
}

/**
 * What a scribe does, as the adapters call the core: each message is identified (first contact,
 * then the common path) and claimed as a delivery, then handled. Throws if any step replies
 * otherwise than expected, so a plan check never passes on a path that went wrong. `tick` runs
 * before each message (a test clock moves on, so drafts are not all created at one instant).
 */
export async function walkRequestPath(deps: CoreDeps, who: IdentifyInput = newcomer(), tick: () => void = () => {}): Promise<Actor> {
  let actor = (await identify(deps, who)).actor;
  for (const [label, expected, run] of steps(deps)) {
    tick();
    await claimInbound(deps.db, 'slack:event', randomUUID(), actor.organisationId, deps.clock.now().toJSDate());
    actor = (await identify(deps, who)).actor;
    const reply = await run(actor);
    if (reply.kind !== expected) throw new Error(`request path step "${label}": expected ${expected}, got ${JSON.stringify(reply)}`);
  }
  return actor;
}
