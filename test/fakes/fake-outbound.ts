import type { ReminderMessage } from '../../src/reminders/messages.ts';
import type { OutboundAddress, OutboundImage, OutboundPort, SendOutcome } from '../../src/reminders/outbound.ts';

export interface RecordedPost {
  readonly to: OutboundAddress;
  readonly message: ReminderMessage;
  readonly atMs: number;
}

/**
 * An outbound port that records each post; `script` decides each outcome (default: sent). The
 * clock is the test's, so pacing can be checked in the test's time.
 */
export class FakeOutbound implements OutboundPort {
  readonly posts: RecordedPost[] = [];
  readonly images: { readonly to: OutboundAddress; readonly image: OutboundImage }[] = [];
  private count = 0;
  readonly platform: string;
  readonly perConversationPerSecond: number;
  readonly perTenantPerSecond: number | null;
  private readonly nowMs: () => number;
  script: (post: RecordedPost, n: number) => SendOutcome | Promise<SendOutcome>;

  constructor(platform: string, nowMs: () => number, options: { perConversationPerSecond?: number; perTenantPerSecond?: number | null } = {}) {
    this.platform = platform;
    this.nowMs = nowMs;
    this.perConversationPerSecond = options.perConversationPerSecond ?? 1;
    this.perTenantPerSecond = options.perTenantPerSecond ?? null;
    this.script = () => ({ status: 'sent', messageId: `m-${this.count}` });
  }

  async post(to: OutboundAddress, message: ReminderMessage): Promise<SendOutcome> {
    const post = { to, message, atMs: this.nowMs() };
    this.posts.push(post);
    this.count += 1;
    return this.script(post, this.count);
  }

  async uploadImage(to: OutboundAddress, image: OutboundImage): Promise<SendOutcome> {
    this.images.push({ to, image });
    return { status: 'sent', messageId: 'file' };
  }
}
