/**
 * Spacing of posts per key (a conversation, a tenant): at most `perSecond` per key, handed out in
 * order. A slot is reserved synchronously, so concurrent senders in one process never share one.
 * Other processes are not seen here; the platform's 429 and its Retry-After cover them.
 */
export class Pacer {
  private readonly next = new Map<string, number>();

  /** The instant (ms) this post may go, reserving it; `nowMs` is the caller's clock. */
  reserve(key: string, perSecond: number, nowMs: number): number {
    const at = Math.max(nowMs, this.next.get(key) ?? 0);
    this.next.set(key, at + 1000 / perSecond);
    return at;
  }

  /** The instant (ms) a post to this key could go, without reserving it. */
  peek(key: string, nowMs: number): number {
    return Math.max(nowMs, this.next.get(key) ?? 0);
  }

  /**
   * The platform answered a post at `answeredMs`: the next goes a full interval after that answer,
   * not only after the post left. The request's arrival lies between the two, so the platform
   * sees posts at least an interval apart even when one was slow on the way (no 429 for jitter).
   */
  answered(key: string, perSecond: number, answeredMs: number): void {
    this.holdUntil(key, answeredMs + 1000 / perSecond);
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
