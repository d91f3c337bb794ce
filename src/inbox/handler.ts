import type { ClaimedInbound } from '../db/repositories/inbound-deliveries.ts';
import type { CoreDeps } from '../use-cases/deps.ts';

export type InboundDelivery = Omit<ClaimedInbound, 'leaseToken' | 'outcome' | 'failed' | 'status'>;

/**
 * How one platform's deliveries are processed. The drainer calls, in order: `prepare` (network
 * look-ups and downloads, before any transaction), `apply` (the effect, inside the transaction
 * that also records its outcome — `deps.db` is that transaction), then `deliver` (send the outcome
 * to the person, after the commit; repeated if it fails, so it must tolerate a second send).
 */
export interface InboundHandler<Prepared = unknown> {
  prepare(delivery: InboundDelivery): Promise<Prepared>;
  /** Returns the outcome to send: JSON-serialisable data, stored with the effect. */
  apply(deps: CoreDeps, delivery: InboundDelivery, prepared: Prepared): Promise<unknown>;
  deliver(delivery: InboundDelivery, outcome: unknown, failed: boolean): Promise<void>;
  /** The outcome to send when the effect failed for good (`reference` is also logged). */
  failure(delivery: InboundDelivery, reference: string): unknown;
}

/** A failure that retrying cannot fix (a malformed stored payload): give up at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
