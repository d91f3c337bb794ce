import type { Logger } from '../../src/index.ts';
import { slackErrorCode } from './people.ts';

/** Wait at most this long (s) for a rate limit to pass before giving up on a message. */
const MAX_RETRY_AFTER_SECONDS = 30;
const ATTEMPTS = 3;

export type DeliveryProblem = 'not-in-channel' | 'auth-revoked' | 'missing-scope' | 'rate-limited' | 'failed';

export class DeliveryError extends Error {
  readonly problem: DeliveryProblem;
  readonly slackError: string;
  constructor(problem: DeliveryProblem, slackError: string) {
    super(`slack delivery failed: ${slackError}`);
    this.name = 'DeliveryError';
    this.problem = problem;
    this.slackError = slackError;
  }
}

const PROBLEMS: Readonly<Record<string, DeliveryProblem>> = {
  not_in_channel: 'not-in-channel',
  channel_not_found: 'not-in-channel',
  is_archived: 'not-in-channel',
  invalid_auth: 'auth-revoked',
  account_inactive: 'auth-revoked',
  token_revoked: 'auth-revoked',
  not_authed: 'auth-revoked',
  missing_scope: 'missing-scope',
};

export interface Sleeper {
  (ms: number): Promise<void>;
}

/**
 * Call Slack, waiting out a rate limit (Slack's Retry-After) and retrying: a 429 means nothing was
 * posted, so a retry cannot duplicate. Any other failure becomes a typed DeliveryError; transport
 * failures are not retried, because a post that may have arrived must not be sent twice.
 */
export async function callSlack<T>(log: Logger, what: string, call: () => Promise<T>, sleep: Sleeper): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
      if (typeof retryAfter === 'number' && attempt < ATTEMPTS && retryAfter <= MAX_RETRY_AFTER_SECONDS) {
        log.warn('slack rate limited; waiting', { what, retryAfterSeconds: retryAfter, attempt });
        await sleep(retryAfter * 1000);
        continue;
      }
      const code = typeof retryAfter === 'number' ? 'ratelimited' : slackErrorCode(error);
      const problem = code === 'ratelimited' ? 'rate-limited' : (PROBLEMS[code] ?? 'failed');
      log[problem === 'auth-revoked' || problem === 'missing-scope' ? 'error' : 'warn']('slack call failed', { what, slackError: code, problem, ...adminHint(problem) });
      throw new DeliveryError(problem, code);
    }
  }
}

/** What an administrator should do, in the log line they will read. */
function adminHint(problem: DeliveryProblem): { hint?: string } {
  if (problem === 'auth-revoked') return { hint: 'The Slack token is no longer valid: reinstall Recert in this workspace.' };
  if (problem === 'missing-scope') return { hint: 'Recert lacks a Slack scope: update the app from manifest/slack/manifest.json and reinstall.' };
  return {};
}
