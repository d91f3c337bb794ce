import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../src/index.ts';

export interface SlackPerson {
  readonly name: string;
  /** IANA zone from the Slack profile, or null when unknown. */
  readonly timeZone: string | null;
  /** A workspace owner or admin (a Recert admin); undefined when Slack could not be asked. */
  readonly isAdmin?: boolean;
  readonly email?: string | null;
}

/**
 * users.info answers are kept this long (ms): names and zones rarely change (DST is in the zone
 * name), and a workspace admin's change of role reaches Recert within this time.
 */
const TTL_MS = 5 * 60 * 1000;

/**
 * The person behind a Slack user id: display name and IANA zone from `users.info`, cached. A
 * failed lookup (missing scope, network) falls back to the user id and the organisation's zone.
 */
export class PeopleDirectory {
  private readonly cache = new Map<string, { person: SlackPerson; until: number }>();
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(log: Logger, now: () => number) {
    this.log = log;
    this.now = now;
  }

  /** The zone already known for this user, without calling Slack (for work that must answer at once). */
  cachedZone(teamId: string, userId: string): string | null {
    return this.cache.get(`${teamId}:${userId}`)?.person.timeZone ?? null;
  }

  async lookup(client: WebClient, teamId: string, userId: string): Promise<SlackPerson> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.person;
    const person = await this.fetch(client, userId);
    this.cache.set(key, { person, until: this.now() + TTL_MS });
    return person;
  }

  private async fetch(client: WebClient, userId: string): Promise<SlackPerson> {
    try {
      const result = await client.users.info({ user: userId });
      const user = result.user;
      const name = user?.profile?.display_name || user?.real_name || user?.name || userId;
      const isAdmin = user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
      return { name, timeZone: typeof user?.tz === 'string' ? user.tz : null, isAdmin, email: user?.profile?.email ?? null };
    } catch (error) {
      this.log.warn('slack users.info failed; using the user id and the organisation zone', { userId, error: slackErrorCode(error) });
      return { name: userId, timeZone: null };
    }
  }
}

/** The `error` field of a Slack API failure (`missing_scope`, `ratelimited`…), or the error's code/message. */
export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  if (typeof data?.error === 'string') return data.error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
