import type { ReminderMessage, WeekCounts } from './messages.ts';

/**
 * The outbound port: how the scheduler reaches people and channels. The core defines it; each
 * platform adapter implements it (Slack: chat.postMessage / files.uploadV2; the terminal prints;
 * Teams: proactive messages). One call, one attempt: the SDKs' own transport retries are off, the
 * ledger decides what is tried again.
 */
export interface OutboundPort {
  readonly platform: string;
  /** Posts at most this often (messages per second) to one conversation; the sender paces to it. */
  readonly perConversationPerSecond: number;
  /** Posts at most this often (messages per second) to one workspace or tenant, if the platform says. */
  readonly perTenantPerSecond: number | null;
  post(to: OutboundAddress, message: ReminderMessage): Promise<SendOutcome>;
  uploadImage(to: OutboundAddress, image: OutboundImage): Promise<SendOutcome>;
}

export type OutboundAddress =
  /** A subscribed channel: the target's stored platform address (Slack channel id, Teams conversation). */
  | { readonly kind: 'channel'; readonly organisationId: string; readonly tenantKey: string; readonly address: string }
  /** A person's DM. */
  | { readonly kind: 'person'; readonly organisationId: string; readonly tenantKey: string; readonly platformUserId: string };

/** A picture described as data; the adapter draws it (server-side) and uploads the PNG. */
export interface OutboundImage {
  readonly kind: 'compliance-chart';
  readonly title: string;
  readonly weeks: readonly WeekCounts[];
}

/** What one attempt came to. Only `retry` and `rate-limited` are tried again automatically. */
export type SendOutcome =
  | { readonly status: 'sent'; readonly messageId: string }
  /** 429: try again after this many milliseconds (the platform's Retry-After). */
  | { readonly status: 'rate-limited'; readonly retryAfterMs: number }
  /** The request never reached the platform (connection refused, DNS): safe to send again. */
  | { readonly status: 'retry'; readonly error: string }
  /** The request left and no answer came (timeout, reset): the post may exist; never resent automatically. */
  | { readonly status: 'unknown'; readonly error: string }
  /** The target cannot be reached any more (bot removed, channel archived, app uninstalled): stop sending there. */
  | { readonly status: 'permanent'; readonly error: string }
  /** This message was refused (e.g. too long) but the target is fine. */
  | { readonly status: 'failed'; readonly error: string };
