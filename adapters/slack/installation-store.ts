import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { z } from 'zod';
import { deactivateInstallation, findInstallation, saveInstallation, type Clock, type Db, type InstallationKey } from '../../src/index.ts';

/** Installation lookups sit on the path to every ack (Bolt authorizes first): keep them in memory this long (ms). */
const CACHE_TTL_MS = 60_000;

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
 * Bolt's installation store on Recert's database. Uninstalling marks the installation inactive and
 * keeps it (and the organisation's records); a reinstall reactivates it.
 */
export function postgresInstallationStore(db: Db, clock: Clock): InstallationStore & { forget(): void } {
  const cache = new Map<string, { installation: Installation; until: number }>();
  const cacheKey = (key: InstallationKey) => `${key.isEnterpriseInstall ? 'E' : 'T'}:${key.enterpriseId ?? ''}:${key.teamId ?? ''}`;
  return {
    async storeInstallation(installation) {
      const key = keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
      await saveInstallation(db, key, installation, clock.now().toJSDate());
      cache.delete(cacheKey(key));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      const hit = cache.get(cacheKey(key));
      const now = clock.now().toMillis();
      if (hit && hit.until > now) return hit.installation;
      const stored = await findInstallation(db, key);
      if (!stored?.active) throw new InstallationNotFoundError(cacheKey(key));
      // Validated shape; the full Installation type (auth versions, enterprise generics) is Bolt's own.
      const installation = installationSchema.parse(stored.data) as unknown as Installation;
      cache.set(cacheKey(key), { installation, until: now + CACHE_TTL_MS });
      return installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      await deactivateInstallation(db, key, clock.now().toJSDate());
      cache.delete(cacheKey(key));
    },
    forget() {
      cache.clear();
    },
  };
}
