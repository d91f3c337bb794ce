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
  readonly prefill?: { title?: string; completedOn?: string; minutes?: number; kind?: ActivityKind };
}

/**
 * Open "Log a training". A trigger id lives 3 seconds, so this runs right after the ack and reads
 * nothing but memory: "today" comes from the person's cached zone; unknown, the date starts empty.
 */
export async function openLogModal(rt: SlackRuntime, client: WebClient, input: OpenModalInput): Promise<void> {
  const zone = rt.people.cachedZone(input.teamId, input.userId);
  const view = logTrainingModal({
    privateMetadata: encodeModalMetadata(input.metadata),
    today: zone ? localDate(rt.core.clock.now(), zone) : null,
    ...(input.prefill ? { prefill: input.prefill } : {}),
  });
  await callSlack(rt.log, 'views.open', () => client.views.open({ trigger_id: input.triggerId, view }), rt.sleep);
}
