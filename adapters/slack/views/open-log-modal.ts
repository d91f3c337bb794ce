import type { WebClient } from '@slack/web-api';
import { localDate, type ActivityKind } from '../../../src/index.ts';
import { callSlack } from '../deliver.ts';
import { logTrainingModal } from '../render/modal.ts';
import type { SlackRuntime } from '../runtime.ts';
import { encodeModalMetadata, type ModalMetadata } from './modal-metadata.ts';

export interface OpenModalInput {
  readonly triggerId: string;
  readonly teamId: string;
  readonly userId: string;
  readonly metadata: ModalMetadata;
  readonly prefill?: { title?: string; completedOn?: string; minutes?: number; kind?: ActivityKind; registered?: boolean };
}

/**
 * Open "Log a training". A trigger id lives 3 seconds, so this runs right after the ack and reads
 * nothing but memory: "today" comes from the person's cached zone; unknown, the date starts empty.
 * A failure is logged and the person is told in the DM (there is no other place to say it).
 */
export async function openLogModal(rt: SlackRuntime, client: WebClient, input: OpenModalInput): Promise<void> {
  const zone = rt.people.cachedZone(input.teamId, input.userId);
  const view = logTrainingModal({
    privateMetadata: encodeModalMetadata(input.metadata),
    today: zone ? localDate(rt.core.clock.now(), zone) : null,
    ...(input.prefill ? { prefill: input.prefill } : {}),
  });
  try {
    await callSlack(rt.log, 'views.open', () => client.views.open({ trigger_id: input.triggerId, view }), rt.sleep);
  } catch (error) {
    rt.log.warn('slack: the "Log a training" form did not open', { error: error instanceof Error ? error.message : String(error) });
    const text = "I couldn't open the \"Log a training\" form just now. Try again, or tell me about the training in a message here (title, length, date).";
    await client.chat.postMessage({ channel: input.userId, text }).catch(() => rt.log.warn('slack: could not tell the person the form did not open', {}));
  }
}
