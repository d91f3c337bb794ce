/**
 * PGlite is one PostgreSQL backend: one session, one transaction at a time. The embedded server
 * lends it to one connection at a time, from the connection's first message until its unit of work
 * ends outside a transaction (see socket-server.ts): first come first served, except that a
 * connection acquiring with `first` goes ahead of every waiter without it (after the ones with it).
 * The acknowledgement pool's connections do, so that an ack's one insert waits for the unit of work
 * running, not for every queued unit of the inbox's workers (issue 6, item 12).
 */
export class BackendLock<Owner> {
  private holder: Owner | null = null;
  private readonly waiting: { owner: Owner; first: boolean; grant: () => void; refuse: (error: Error) => void }[] = [];

  get owner(): Owner | null {
    return this.holder;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves when `owner` holds the backend (at once if it already does). */
  acquire(owner: Owner, first = false): Promise<void> {
    if (this.holder === owner) return Promise.resolve();
    if (this.holder === null) {
      this.holder = owner;
      return Promise.resolve();
    }
    return new Promise((grant, refuse) => {
      const entry = { owner, first, grant, refuse };
      const at = first ? this.waiting.findIndex((w) => !w.first) : -1;
      if (at === -1) this.waiting.push(entry);
      else this.waiting.splice(at, 0, entry);
    });
  }

  /** Give the backend to the next waiter. A no-op unless `owner` holds it. */
  release(owner: Owner): void {
    if (this.holder !== owner) return;
    const next = this.waiting.shift();
    this.holder = next?.owner ?? null;
    next?.grant();
  }

  /** Take a connection that went away out of the queue. A hold it has is released by `release`, once it has cleaned up. */
  abandon(owner: Owner, reason: Error): void {
    for (let i = this.waiting.length - 1; i >= 0; i -= 1) {
      const entry = this.waiting[i];
      if (entry?.owner === owner) {
        this.waiting.splice(i, 1);
        entry.refuse(reason);
      }
    }
  }
}
