/**
 * At most `limit` tasks at once; the rest wait in order. The sender holds a permit only while a
 * post is in flight (and its outcome recorded), never while it waits for a conversation's pace slot.
 */
export class Permits {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.free = Math.max(1, limit);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the permit straight to the next in line, else give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}
