import type { InstallURLOptions, StateStore } from '@slack/bolt';
import { z } from 'zod';
import { consumeOAuthState, issueOAuthState, type Clock, type Db } from '../../src/index.ts';

/** How long an install may take between /slack/install and Slack's redirect back (ms); Bolt's cookie lives as long. */
export const STATE_TTL_MS = 10 * 60 * 1000;

/**
 * Bolt answers a failed callback by `code`: this one is its `InvalidStateError` code, so the person
 * gets a 400 "invalid state" page. (@slack/oauth is Bolt's own dependency, not ours to import.)
 */
export class OAuthStateRefusedError extends Error {
  readonly code = 'slack_oauth_invalid_state';
  constructor(reason: 'unknown' | 'expired') {
    super(reason === 'expired' ? 'The OAuth state has expired: start the install again.' : 'The OAuth state is unknown or was already used: start the install again.');
    this.name = 'OAuthStateRefusedError';
  }
}

const installOptionsSchema = z
  .object({
    scopes: z.union([z.string(), z.array(z.string())]),
    teamId: z.string().optional(),
    redirectUri: z.string().optional(),
    userScopes: z.union([z.string(), z.array(z.string())]).optional(),
    metadata: z.string().optional(),
  })
  .passthrough();

/**
 * Bolt's state store on Postgres: each state is random, stored with its install options, and used
 * up by the first callback that presents it (Bolt's default signed state could be replayed for
 * as long as it was valid). Bolt still checks the state against the browser's cookie first.
 */
export function postgresStateStore(db: Db, clock: Clock, ttlMs = STATE_TTL_MS): StateStore {
  return {
    async generateStateParam(installOptions: InstallURLOptions) {
      return issueOAuthState(db, { platform: 'slack', payload: installOptions, now: clock.now().toJSDate(), ttlMs });
    },
    async verifyStateParam(_now: Date, state: string) {
      const consumed = await consumeOAuthState(db, 'slack', state, clock.now().toJSDate());
      if (!consumed.ok) throw new OAuthStateRefusedError(consumed.reason);
      return installOptionsSchema.parse(consumed.payload);
    },
  };
}
