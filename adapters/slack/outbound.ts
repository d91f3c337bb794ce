import { ErrorCode, WebClient } from '@slack/web-api';
import type { CoreDeps, OutboundAddress, OutboundImage, OutboundPort, ReminderMessage, SecretBox, SendOutcome } from '../../src/index.ts';
import type { SlackConfig } from './config.ts';
import { presentReminder } from '../common/present/reminders.ts';
import { installedClients, singleWorkspaceClients, type SlackClients } from './clients.ts';
import { postgresInstallationStore } from './installation-store.ts';
import { toSlackMessage } from './render/block-kit.ts';
import { fitMessage } from './render/limits.ts';
import { SLACK_WORDING } from './render/present-context.ts';
import { BoundedMap } from './bounded-map.ts';

/** One post waits at most this long (ms) for Slack's answer; after that it is `unknown`, never resent. */
const POST_TIMEOUT_MS = 15_000;

/** Slack's answers that mean the target is gone for good: stop sending there. */
const PERMANENT = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'account_inactive', 'token_revoked', 'invalid_auth', 'not_authed', 'user_not_found', 'cannot_dm_bot', 'team_access_not_granted', 'missing_scope']);
/** Network errors raised before the request reached Slack: safe to send again. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** DM channels remembered for chart uploads, at most (the oldest is forgotten first). */
const DM_CHANNELS_KEPT = 10_000;

/** Draws the chart (server-side) as PNG bytes. */
export type ChartDrawer = (image: OutboundImage) => Promise<Buffer>;

/** The manager digest's chart (adapters/common/chart), loaded on first use: ECharts and resvg are not small. */
export const drawComplianceChart: ChartDrawer = async (image) => (await import('../common/chart/compliance-chart.ts')).complianceChartPng(image);

/**
 * The outbound port on Slack: chat.postMessage (a DM is a post to the user's id), files.uploadV2 for
 * the chart. Clients come from the stored installation of the organisation's workspace (its external
 * id is the team id) with transport retries off and 429s rejected, so each call is one attempt.
 */
export function slackOutbound(clients: SlackClients, draw: ChartDrawer | null = drawComplianceChart): OutboundPort {
  const clientOf = async (to: OutboundAddress): Promise<WebClient> => (await clients.forWorkspace({ teamId: to.tenantKey, enterpriseId: null, isEnterpriseInstall: false })).client;
  const channelOf = (to: OutboundAddress) => (to.kind === 'channel' ? to.address : to.platformUserId);
  // chat.postMessage takes a user id for a DM, files.uploadV2 only a channel id: the DM's D… channel
  // the post answered with is kept (per workspace and user) for the chart that follows it.
  const dms = new BoundedMap<string, string>(DM_CHANNELS_KEPT);
  const dmKey = (to: OutboundAddress) => `${to.tenantKey}:${to.kind === 'person' ? to.platformUserId : ''}`;
  const uploadChannelOf = async (client: WebClient, to: OutboundAddress): Promise<string> => {
    if (to.kind === 'channel') return to.address;
    const known = dms.get(dmKey(to));
    if (known) return known;
    // No post seen by this process (another worker sent the digest): open the DM (im:write).
    const opened = await client.conversations.open({ users: to.platformUserId });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    dms.set(dmKey(to), id);
    return id;
  };
  return {
    platform: 'slack',
    // chat.postMessage: about one message per second per channel (Slack's special rate limit).
    perConversationPerSecond: 1,
    perTenantPerSecond: null,
    async post(to: OutboundAddress, message: ReminderMessage): Promise<SendOutcome> {
      const client = await clientOf(to).catch((error: unknown) => error);
      if (!(client instanceof WebClient)) return { status: 'permanent', error: `no installation: ${describe(client)}` };
      const rendered = fitMessage(toSlackMessage(presentReminder(message, SLACK_WORDING)));
      try {
        const result = await client.chat.postMessage({ channel: channelOf(to), text: rendered.text, blocks: [...rendered.blocks] });
        if (to.kind === 'person' && result.channel) dms.set(dmKey(to), result.channel);
        return { status: 'sent', messageId: result.ts ?? '' };
      } catch (error) {
        return slackOutcome(error);
      }
    },
    async uploadImage(to: OutboundAddress, image: OutboundImage): Promise<SendOutcome> {
      if (!draw) return { status: 'failed', error: 'no chart drawer configured' };
      const client = await clientOf(to).catch((error: unknown) => error);
      if (!(client instanceof WebClient)) return { status: 'permanent', error: `no installation: ${describe(client)}` };
      try {
        const file = await draw(image);
        const result = await client.filesUploadV2({ channel_id: await uploadChannelOf(client, to), file, filename: 'compliance.png', title: image.title });
        const uploaded = (result as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id;
        return { status: 'sent', messageId: uploaded ?? '' };
      } catch (error) {
        return slackOutcome(error);
      }
    },
  };
}

/** A Web API failure as the ledger sees it. */
export function slackOutcome(error: unknown): SendOutcome {
  const e = error as { code?: ErrorCode | string; data?: { error?: string }; retryAfter?: number; original?: { code?: string; message?: string; cause?: { code?: string } }; statusCode?: number };
  switch (e?.code as ErrorCode | undefined) {
    case ErrorCode.RateLimitedError:
      return { status: 'rate-limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return { status: 'rate-limited', retryAfterMs: 1000 };
      return PERMANENT.has(code) ? { status: 'permanent', error: code } : { status: 'failed', error: code };
    }
    case ErrorCode.RequestError: {
      // fetch wraps the socket's error: `fetch failed` with the code in its cause.
      const cause = e.original?.code ?? e.original?.cause?.code ?? e.original?.message ?? 'request error';
      // Refused before anything left: again later. A reset or a timeout after it left: the post may exist.
      return NOT_SENT.has(cause) ? { status: 'retry', error: cause } : { status: 'unknown', error: cause };
    }
    case ErrorCode.HTTPError:
      // Slack answered with an HTTP error (5xx): it may have posted before failing.
      return { status: 'unknown', error: `HTTP ${e.statusCode ?? '?'}` };
    case ErrorCode.FileUploadInvalidArgumentsError:
    case ErrorCode.FileUploadReadFileDataError:
      return { status: 'failed', error: describe(error) };
    case undefined:
    default:
      return { status: 'unknown', error: describe(error) };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Clients for sending outside any request: the stored installations (OAuth), else the one configured token. */
export function outboundClients(config: SlackConfig, core: CoreDeps, secrets: SecretBox | null): SlackClients {
  const options = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: POST_TIMEOUT_MS };
  return config.oauth ? installedClients(postgresInstallationStore(core.db, core.clock, secrets), options) : singleWorkspaceClients(config.botToken ?? '', '', options);
}
