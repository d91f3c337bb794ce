import { sql } from 'kysely';
import type { SecretBox } from '../../secrets/secret-box.ts';
import { openSecrets, sealSecrets, type SecretPath } from '../../secrets/sealed-fields.ts';
import type { Db } from '../connection.ts';

/** Which installation: an org-wide (Enterprise Grid) install is keyed by its enterprise, others by team. */
export interface InstallationKey {
  readonly platform: string;
  readonly enterpriseId: string | null;
  readonly teamId: string | null;
  readonly isEnterpriseInstall: boolean;
}

/** How a platform's installation record keeps its tokens: encrypted at these paths, with this box. */
export interface InstallationSecrets {
  /** Null when no key is configured: a record holding a token is then refused, never stored in clear. */
  readonly box: SecretBox | null;
  /** Every token field of the platform's record, e.g. `['bot', 'token']`. */
  readonly paths: readonly SecretPath[];
}

export interface StoredInstallation {
  /** The platform's installation record, tokens decrypted; opaque to the core. */
  readonly data: unknown;
  readonly active: boolean;
}

export function installationKey(key: InstallationKey): string {
  if (key.isEnterpriseInstall && key.enterpriseId) return `enterprise:${key.enterpriseId}`;
  if (key.teamId) return `team:${key.teamId}`;
  throw new Error('an installation needs a team id, or an enterprise id for an org-wide install');
}

/** What each encrypted value is bound to: a value copied into another installation's row does not open. */
export function installationScope(platform: string, key: string): string {
  return `platform_installations/${platform}/${key}`;
}

/** Save (or replace, reactivating) an installation, its tokens encrypted. */
export async function saveInstallation(db: Db, secrets: InstallationSecrets, key: InstallationKey, data: unknown, now: Date): Promise<void> {
  const storedKey = installationKey(key);
  const json = JSON.stringify(sealSecrets(data, secrets.paths, secrets.box, installationScope(key.platform, storedKey)));
  await db
    .insertInto('platform_installations')
    .values({ platform: key.platform, installation_key: storedKey, enterprise_id: key.enterpriseId, team_id: key.teamId, data: json, active: true, installed_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['platform', 'installation_key']).doUpdateSet({ data: json, active: true, enterprise_id: key.enterpriseId, team_id: key.teamId, updated_at: now, deactivated_at: null }),
    )
    .execute();
}

/** The installation with its tokens decrypted (rows from before encryption are read as they are). */
export async function findInstallation(db: Db, secrets: InstallationSecrets, key: InstallationKey): Promise<StoredInstallation | undefined> {
  const storedKey = installationKey(key);
  const row = await db
    .selectFrom('platform_installations')
    .select(['data', 'active'])
    .where('platform', '=', key.platform)
    .where('installation_key', '=', storedKey)
    .executeTakeFirst();
  return row && { data: openSecrets(row.data, secrets.box, installationScope(key.platform, storedKey)), active: row.active };
}

/**
 * Uninstalled, or its tokens revoked: erase every token from the stored record and mark it
 * inactive. The rest of the record and everything the organisation logged are kept; a later
 * install stores new tokens and reactivates it. False when there is no such installation.
 */
export async function deactivateInstallation(db: Db, secrets: InstallationSecrets, key: InstallationKey, now: Date): Promise<boolean> {
  // `#-` removes a path whether it holds an encrypted value or an old plain-text one.
  const erased = secrets.paths.reduce((expr, path) => sql<string>`(${expr} #- ${[...path]}::text[])`, sql<string>`data`);
  const result = await db
    .updateTable('platform_installations')
    .set({ data: erased, active: false, deactivated_at: sql<Date>`coalesce(deactivated_at, ${now})`, updated_at: now })
    .where('platform', '=', key.platform)
    .where('installation_key', '=', installationKey(key))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
