/**
 * Spacing of posts per key (a conversation, a tenant): at most `perSecond` per key, handed out in
 * order. A slot is reserved synchronously, so concurrent senders in one process never share one.
 * Other processes are not seen here; the platform's 429 and its Retry-After cover them.
 */
export class Pacer {
  private readonly next = new Map<string, number>();

  /**
   * The instant (ms) a post limited by several keys (its conversation and its tenant) may go: the
   * latest of their next slots, reserved on every key from that instant. Reserving each key on its
   * own would let a post held back by one key leave the other's next slot too close behind it.
   */
  reserveAll(limits: readonly (readonly [key: string, perSecond: number])[], nowMs: number): number {
    const at = Math.max(nowMs, ...limits.map(([key]) => this.next.get(key) ?? 0));
    for (const [key, perSecond] of limits) this.next.set(key, at + 1000 / perSecond);
    return at;
  }

  /** The platform asked to wait (Retry-After): nothing goes to this key before `untilMs`. */
  holdUntil(key: string, untilMs: number): void {
    this.next.set(key, Math.max(untilMs, this.next.get(key) ?? 0));
  }

  /** Forget keys whose slots are in the past: the map stays the size of the conversations in flight. */
  prune(nowMs: number): void {
    for (const [key, at] of this.next) if (at < nowMs) this.next.delete(key);
  }
}
