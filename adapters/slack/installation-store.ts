import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { z } from 'zod';
import { deactivateInstallation, findInstallation, saveInstallation, type Clock, type Db, type InstallationKey, type InstallationSecrets, type SecretBox, type SecretPath } from '../../src/index.ts';

/** Installation lookups sit on the path to every ack (Bolt authorizes first): keep them in memory this long (ms). */
const CACHE_TTL_MS = 60_000;

/**
 * Every credential in Bolt's `Installation`: bot and user tokens, their refresh tokens (token
 * rotation), and the incoming-webhook URL (anyone holding it can post). They are stored encrypted
 * and erased on uninstall; ids, scopes, names and expiry times stay readable.
 */
export const SLACK_SECRET_PATHS: readonly SecretPath[] = [
  ['bot', 'token'],
  ['bot', 'refreshToken'],
  ['user', 'token'],
  ['user', 'refreshToken'],
  ['incomingWebhook', 'url'],
];

const installationSchema = z
  .object({
    team: z.object({ id: z.string() }).passthrough().optional(),
    enterprise: z.object({ id: z.string() }).passthrough().optional(),
    bot: z.object({ token: z.string(), userId: z.string(), id: z.string(), scopes: z.array(z.string()) }).passthrough().optional(),
    isEnterpriseInstall: z.boolean().optional(),
  })
  .passthrough();

export class InstallationNotFoundError extends Error {
  constructor(key: string) {
    super(`no active Slack installation for ${key}`);
    this.name = 'InstallationNotFoundError';
  }
}

function keyOf(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): InstallationKey {
  return { platform: 'slack', enterpriseId: query.enterpriseId ?? null, teamId: query.teamId ?? null, isEnterpriseInstall: query.isEnterpriseInstall === true };
}

/**
 * Bolt's installation store on Recert's database, tokens encrypted with `box` (null: no key, so an
 * install is refused rather than stored in clear). Uninstalling erases the tokens and marks the
 * installation inactive, keeping the rest (and the organisation's records); a reinstall reactivates it.
 */
export function postgresInstallationStore(db: Db, clock: Clock, box: SecretBox | null): InstallationStore & { forget(): void } {
  const secrets: InstallationSecrets = { box, paths: SLACK_SECRET_PATHS };
  const cache = new Map<string, { installation: Installation; until: number }>();
  const cacheKey = (key: InstallationKey) => `${key.isEnterpriseInstall ? 'E' : 'T'}:${key.enterpriseId ?? ''}:${key.teamId ?? ''}`;
  return {
    async storeInstallation(installation) {
      const key = keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
      await saveInstallation(db, secrets, key, installation, clock.now().toJSDate());
      cache.delete(cacheKey(key));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      const hit = cache.get(cacheKey(key));
      const now = clock.now().toMillis();
      if (hit && hit.until > now) return hit.installation;
      const stored = await findInstallation(db, secrets, key);
      if (!stored?.active) throw new InstallationNotFoundError(cacheKey(key));
      // Validated shape; the full Installation type (auth versions, enterprise generics) is Bolt's own.
      const installation = installationSchema.parse(stored.data) as unknown as Installation;
      cache.set(cacheKey(key), { installation, until: now + CACHE_TTL_MS });
      return installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      await deactivateInstallation(db, secrets, key, clock.now().toJSDate());
      cache.delete(cacheKey(key));
    },
    forget() {
      cache.clear();
    },
  };
}
