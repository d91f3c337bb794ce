import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../connection.ts';

/** Random bytes in a state (256 bits): unguessable, and only its hash is stored. */
const STATE_BYTES = 32;

export interface IssuedState {
  readonly platform: string;
  /** What the callback needs back (for Slack: the install URL options). */
  readonly payload: unknown;
  readonly now: Date;
  /** How long the state may wait for its callback (ms). */
  readonly ttlMs: number;
}

export type ConsumedState = { readonly ok: true; readonly payload: unknown } | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

function hashOf(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

/**
 * A new single-use OAuth state. The table keeps only its SHA-256, so a leaked table cannot finish
 * someone's install. Expired states are swept here, which keeps the table to the installs in flight.
 */
export async function issueOAuthState(db: Db, issued: IssuedState): Promise<string> {
  const state = randomBytes(STATE_BYTES).toString('base64url');
  const expiresAt = new Date(issued.now.getTime() + issued.ttlMs);
  await db.deleteFrom('oauth_states').where('expires_at', '<=', issued.now).execute();
  await db
    .insertInto('oauth_states')
    .values({ state_hash: hashOf(state), platform: issued.platform, payload: JSON.stringify(issued.payload ?? null), created_at: issued.now, expires_at: expiresAt })
    .execute();
  return state;
}

/**
 * Use up a state: one `DELETE … RETURNING`, so of two callbacks racing with the same state exactly
 * one gets it. An expired state is deleted too, and refused.
 */
export async function consumeOAuthState(db: Db, platform: string, state: string, now: Date): Promise<ConsumedState> {
  const row = await db
    .deleteFrom('oauth_states')
    .where('state_hash', '=', hashOf(state))
    .where('platform', '=', platform)
    .returning(['payload', 'expires_at'])
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: row.payload };
}
