import { PermanentDeliveryError, type CoreDeps, type InboundDelivery, type InboundHandler, type Mentions } from '../../../src/index.ts';
import type { SlackAuth } from '../clients.ts';
import type { SlackFile } from '../file-download.ts';
import { mentionsOf, type SlackRuntime } from '../runtime.ts';
import { sendReplies, type Surface } from '../send.ts';
import { applyButton, buttonSurface } from './buttons.ts';
import { applyCommand, applyMessage, applyShortcut, commandSurface, messageSurface, shortcutSurface } from './conversation.ts';
import { applyShare, prepareShare, prepareUploads, shareSurface, type PreparedShare } from './files.ts';
import { applyForm, formSurface } from './forms.ts';
import { applyHome, publishHome } from './home.ts';
import { readOutcome, type SlackOutcome } from './outcome.ts';
import { slackPayload, type SlackPayload } from './payloads.ts';

interface Prepared {
  readonly payload: SlackPayload;
  readonly auth: SlackAuth;
  /** The people the text mentions, looked up now (users.info), not inside the transaction. */
  readonly mentions: Mentions;
  readonly share: PreparedShare | null;
  readonly uploads: readonly SlackFile[];
}

/**
 * How the inbox processes a Slack delivery: network look-ups first (the workspace's client, the
 * person's profile, files), then the effect in the delivery's transaction, then the answer.
 */
export function slackInboundHandler(rt: SlackRuntime): InboundHandler<Prepared> {
  return {
    async prepare(delivery) {
      const payload = parsePayload(delivery);
      const auth = await rt.clients.forWorkspace(payload);
      await rt.people.lookup(auth.client, payload.teamId, payload.userId); // users.info now, not inside the transaction
      const share = payload.kind === 'file' ? await prepareShare(rt, auth, payload) : null;
      const uploads = payload.kind === 'view' ? await prepareUploads(rt, auth, payload.fileIds) : [];
      const text = payload.kind === 'command' || payload.kind === 'message' ? payload.text : '';
      const mentions = await mentionsOf(rt, auth.client, payload.teamId, text);
      return { payload, auth, share, uploads, mentions };
    },
    apply: (deps, delivery, prepared) => apply(rt, deps, prepared, delivery.deliveryId),
    async deliver(delivery, stored) {
      const outcome = readOutcome(stored);
      const payload = parsePayload(delivery);
      const { client } = await rt.clients.forWorkspace(payload);
      const surface = outcome.surface && stillValid(outcome.surface, delivery.receivedAt, rt.core.clock.now().toMillis());
      if (surface) await sendReplies(rt, client, surface, outcome.replies);
      if (outcome.home) await publishHome(rt, client, outcome.home);
    },
    failure(delivery, reference): SlackOutcome {
      const payload = slackPayload.safeParse(delivery.payload);
      const surface = payload.success ? surfaceOf(payload.data) : null;
      return { surface, replies: [{ kind: 'error', code: 'processing-failed', details: { reference } }] };
    },
  };
}

function apply(rt: SlackRuntime, deps: CoreDeps, { payload: p, auth, share, uploads, mentions }: Prepared, requestId: string): Promise<SlackOutcome> {
  switch (p.kind) {
    case 'command':
      return applyCommand(rt, deps, auth, p, requestId, mentions);
    case 'message':
      return applyMessage(rt, deps, auth, p, requestId, mentions);
    case 'shortcut':
      return applyShortcut(rt, deps, auth, p, requestId);
    case 'file':
      return applyShare(rt, deps, auth, p, share, requestId);
    case 'button':
      return applyButton(rt, deps, auth, p, requestId);
    case 'view':
      return applyForm(rt, deps, auth, p, uploads, requestId);
    case 'home':
      return applyHome(rt, deps, auth, p, requestId);
  }
}

/** Where the answer to a delivery goes, from its payload alone (also when processing failed). */
function surfaceOf(p: SlackPayload): Surface | null {
  switch (p.kind) {
    case 'command':
      return commandSurface(p);
    case 'message':
      return messageSurface(p);
    case 'shortcut':
      return shortcutSurface(p);
    case 'file':
      return shareSurface(p, null);
    case 'button':
      return buttonSurface(p);
    case 'view':
      return formSurface(p);
    case 'home':
      return { kind: 'dm', userId: p.userId };
  }
}

function parsePayload(delivery: InboundDelivery): SlackPayload {
  const parsed = slackPayload.safeParse(delivery.payload);
  if (!parsed.success) throw new PermanentDeliveryError(`stored Slack payload ${delivery.deliveryId} does not parse`);
  return parsed.data;
}

/** A response_url expires after 30 minutes: an answer later than that (a retry after downtime) goes to the DM. */
function stillValid(surface: Surface, receivedAt: Date, nowMs: number): Surface {
  if (surface.kind !== 'respond' || nowMs - receivedAt.getTime() < RESPONSE_URL_MAX_AGE_MS) return surface;
  return { kind: 'dm', userId: surface.userId };
}

/** A little under Slack's 30 minutes, to leave time for the post itself. */
const RESPONSE_URL_MAX_AGE_MS = 29 * 60 * 1000;
