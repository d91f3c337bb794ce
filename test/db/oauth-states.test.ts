import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { consumeOAuthState, issueOAuthState } from '../../src/db/repositories/oauth-states.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const NOW = new Date('2026-11-27T15:00:00Z');
const TEN_MINUTES = 10 * 60 * 1000;
const options = { scopes: ['chat:write'], metadata: 'm' };

describe('single-use OAuth states', () => {
  it('gives back the install options once; the same state a second time is refused', async () => {
    const db = database.current.db;
    const state = await issueOAuthState(db, { platform: 'slack', payload: options, now: NOW, ttlMs: TEN_MINUTES });
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await consumeOAuthState(db, 'slack', state, NOW)).toEqual({ ok: true, payload: options });
    expect(await consumeOAuthState(db, 'slack', state, NOW)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('lets exactly one of two simultaneous callbacks have it', async () => {
    const db = database.current.db;
    const state = await issueOAuthState(db, { platform: 'slack', payload: options, now: NOW, ttlMs: TEN_MINUTES });
    const results = await Promise.all([consumeOAuthState(db, 'slack', state, NOW), consumeOAuthState(db, 'slack', state, NOW)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('refuses an expired state, an unknown one, and one issued for another platform', async () => {
    const db = database.current.db;
    const expiring = await issueOAuthState(db, { platform: 'slack', payload: options, now: NOW, ttlMs: TEN_MINUTES });
    expect(await consumeOAuthState(db, 'slack', expiring, new Date(NOW.getTime() + TEN_MINUTES))).toEqual({ ok: false, reason: 'expired' });
    expect(await consumeOAuthState(db, 'slack', 'made-up', NOW)).toEqual({ ok: false, reason: 'unknown' });
    const teams = await issueOAuthState(db, { platform: 'teams', payload: options, now: NOW, ttlMs: TEN_MINUTES });
    expect(await consumeOAuthState(db, 'slack', teams, NOW)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('keeps only a hash of each state, and sweeps expired ones when a new one is issued', async () => {
    const db = database.current.db;
    const state = await issueOAuthState(db, { platform: 'slack', payload: options, now: NOW, ttlMs: TEN_MINUTES });
    const stored = await sql<{ text: string }>`select row_to_json(s)::text as text from oauth_states s`.execute(db);
    expect(stored.rows.map((r) => r.text).join()).not.toContain(state);
    const later = new Date(NOW.getTime() + 2 * TEN_MINUTES);
    await issueOAuthState(db, { platform: 'slack', payload: options, now: later, ttlMs: TEN_MINUTES });
    const left = await sql<{ n: string }>`select count(*) as n from oauth_states where expires_at <= ${later}`.execute(db);
    expect(left.rows[0]?.n).toBe('0');
  });
});
