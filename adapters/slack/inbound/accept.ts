import { enqueueInbound } from '../../../src/index.ts';
import type { SlackRuntime } from '../runtime.ts';
import { slackPayload, storableDeliveryId, type SlackPayload } from './payloads.ts';

export const PLATFORM = 'slack';

/**
 * Store a delivery in the inbox — the one database write before the ack — and wake the workers.
 * Resolves 'duplicate' for a delivery stored before (a retry, a replay): it is acknowledged again and
 * handled once; 'invalid' for a payload missing what processing needs. Rejects when it cannot be
 * stored: then it must not be acknowledged as done.
 */
export async function accept(rt: SlackRuntime, deliveryId: string, payload: SlackPayload): Promise<'stored' | 'duplicate' | 'invalid'> {
  const parsed = slackPayload.safeParse(payload);
  if (!parsed.success || !storableDeliveryId(deliveryId)) {
    rt.log.warn('slack delivery refused: unexpected shape', { deliveryId: deliveryId.slice(0, 300), kind: payload.kind, problem: parsed.error?.issues[0]?.message ?? 'delivery id' });
    return 'invalid';
  }
  const valid = parsed.data;
  const store = () => enqueueInbound(
    rt.ingress,
    { platform: PLATFORM, deliveryId, kind: valid.kind, tenantKey: valid.enterpriseId && valid.isEnterpriseInstall ? `${valid.enterpriseId}/${valid.teamId}` : valid.teamId, userKey: valid.userId, payload: valid },
    rt.core.clock.now().toJSDate(),
  );
  const stored = rt.acks ? await rt.acks.around(store) : await store();
  if (stored) rt.kick();
  else rt.log.info('slack duplicate delivery acknowledged', { deliveryId });
  return stored ? 'stored' : 'duplicate';
}

/** Said when a delivery could not be stored, so nothing was done: better than a silent timeout. */
export const NOT_STORED_TEXT = "I couldn't save that just now (my database is not answering), so nothing was done. Please try again in a minute.";

/** Said to a slash command the front door turns away for load (shed.ts): nothing was stored. */
export const BUSY_TEXT = "I'm too busy to take that right now, so nothing was saved. Please send it again in a minute.";

/** Said when a request lacks what Recert needs to act on it (a workspace, a person). */
export const UNREADABLE_TEXT = "I couldn't tell which workspace or person this came from, so I did nothing. If it keeps happening, tell your Slack admin.";
