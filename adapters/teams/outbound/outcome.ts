import type { SendOutcome } from '../../../src/index.ts';

/**
 * Teams' answers that mean the bot cannot post there any more (blocked by the person, removed from
 * the chat or team, disabled by the tenant's admin, the app uninstalled): stop sending there.
 */
const GONE = ['MessageWritesBlocked', 'ConversationBlockedByUser', 'BotNotInConversationRoster', 'BotDisabledByAdmin', 'ConversationNotFound'];
/** Network errors raised before the request reached the connector: safe to send again. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** Without a Retry-After, wait this long (ms) after a 429. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** The parts of a failed connector call that matter (core-rest-pipeline's RestError, or a socket error). */
interface CallError {
  readonly statusCode?: number;
  readonly code?: string;
  readonly message?: string;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined }; readonly bodyAsText?: string | null };
  readonly cause?: { readonly code?: string };
}

/**
 * A failed proactive call as the ledger sees it. `left`: the message's request left this process
 * (the probe), so without a clear answer it may have been posted. A 429 is never posted (after its
 * Retry-After); 412 (PreconditionFailed) is Teams' "try again" with nothing created; 502, 504 and
 * other 5xx, a reset or a timeout after the request left may have posted: `unknown`, never resent.
 * Microsoft's guidance retries 412, 502 and 504 alike; a retried post that had arrived would be a
 * second post, so only 429 and 412 are retried (platform.md T6, T7).
 */
export function teamsOutcome(error: unknown, left: boolean, nowMs: number): SendOutcome {
  const e = (error ?? {}) as CallError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : null;
  if (status !== null) return answered(status, e, left, nowMs);
  const code = e.code ?? e.cause?.code ?? '';
  if (!left || NOT_SENT.has(code)) return { status: 'retry', error: code || describe(error) };
  return { status: 'unknown', error: code || describe(error) };
}

function answered(status: number, e: CallError, left: boolean, nowMs: number): SendOutcome {
  const body = e.response?.bodyAsText ?? '';
  const named = GONE.find((code) => body.includes(code) || (e.code ?? '') === code);
  if (status === 429) return { status: 'rate-limited', retryAfterMs: retryAfterMs(e.response?.headers?.get?.('retry-after'), nowMs) };
  if (status === 404) return { status: 'permanent', error: `404 ${named ?? 'conversation not found'}` };
  if (status === 403 && named) return { status: 'permanent', error: `403 ${named}` };
  if (status === 412) return { status: 'retry', error: '412 PreconditionFailed' };
  if (status >= 500 || status === 408) return left ? { status: 'unknown', error: `HTTP ${status}` } : { status: 'retry', error: `HTTP ${status} before the message was sent` };
  return { status: 'failed', error: `HTTP ${status}${errorCode(body)}` };
}

/** Retry-After in seconds or as an HTTP date; at least a second. */
export function retryAfterMs(header: string | undefined, nowMs: number): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, seconds) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(1000, at - nowMs) : DEFAULT_RETRY_AFTER_MS;
}

/** The connector's error code from its body (`{ "error": { "code": … } }`), for the log and the ledger. */
function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? ` ${code}` : '';
  } catch {
    return '';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
