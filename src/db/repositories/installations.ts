import type { Db } from '../connection.ts';

/** Which installation: an org-wide (Enterprise Grid) install is keyed by its enterprise, others by team. */
export interface InstallationKey {
  readonly platform: string;
  readonly enterpriseId: string | null;
  readonly teamId: string | null;
  readonly isEnterpriseInstall: boolean;
}

export interface StoredInstallation {
  /** The platform's installation record (tokens included); opaque to the core. */
  readonly data: unknown;
  readonly active: boolean;
}

export function installationKey(key: InstallationKey): string {
  if (key.isEnterpriseInstall && key.enterpriseId) return `enterprise:${key.enterpriseId}`;
  if (key.teamId) return `team:${key.teamId}`;
  throw new Error('an installation needs a team id, or an enterprise id for an org-wide install');
}

/** Save (or replace, reactivating) an installation. */
export async function saveInstallation(db: Db, key: InstallationKey, data: unknown, now: Date): Promise<void> {
  const json = JSON.stringify(data);
  await db
    .insertInto('platform_installations')
    .values({ platform: key.platform, installation_key: installationKey(key), enterprise_id: key.enterpriseId, team_id: key.teamId, data: json, active: true, installed_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['platform', 'installation_key']).doUpdateSet({ data: json, active: true, enterprise_id: key.enterpriseId, team_id: key.teamId, updated_at: now, deactivated_at: null }),
    )
    .execute();
}

export async function findInstallation(db: Db, key: InstallationKey): Promise<StoredInstallation | undefined> {
  const row = await db
    .selectFrom('platform_installations')
    .select(['data', 'active'])
    .where('platform', '=', key.platform)
    .where('installation_key', '=', installationKey(key))
    .executeTakeFirst();
  return row && { data: row.data, active: row.active };
}

/**
 * Mark an installation inactive (uninstalled, tokens revoked). The record and everything the
 * organisation logged are kept; a later install reactivates it.
 */
export async function deactivateInstallation(db: Db, key: InstallationKey, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('platform_installations')
    .set({ active: false, deactivated_at: now, updated_at: now })
    .where('platform', '=', key.platform)
    .where('installation_key', '=', installationKey(key))
    .where('active', '=', true)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
