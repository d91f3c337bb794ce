/**
 * Deliveries being stored for their acknowledgement right now. When they queue (more than the
 * acknowledgement pool's connections), the process is short of CPU or database, and Slack's 3 s
 * matter more than the work behind earlier acks, which waits safely in the inbox: the workers take
 * no new work until the queue is short again.
 */
export class AckGauge {
  private waiting = 0;
  private readonly bound: number;

  /** `bound`: acknowledgements in progress from which the workers hold back. */
  constructor(bound: number) {
    this.bound = bound;
  }

  async around<T>(store: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    try {
      return await store();
    } finally {
      this.waiting -= 1;
    }
  }

  /** True while acknowledgements queue: no new work now. */
  crowded(): boolean {
    return this.waiting >= this.bound;
  }
}
