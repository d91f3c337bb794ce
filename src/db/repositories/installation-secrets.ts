import { SecretError, type SecretBox } from '../../secrets/secret-box.ts';
import { resealSecrets, type SecretPath } from '../../secrets/sealed-fields.ts';
import type { Db } from '../connection.ts';
import { installationScope } from './installations.ts';

export interface RotationFailure {
  readonly platform: string;
  readonly installationKey: string;
  readonly problem: string;
}

export interface RotationReport {
  /** The key everything is now encrypted with. */
  readonly keyId: string;
  readonly installations: number;
  /** Values moved from an older key to the current one. */
  readonly reencrypted: number;
  /** Values that were stored in plain text (from before encryption) and are now encrypted. */
  readonly encryptedPlain: number;
  /** Installations left as they were because a value opens with no configured key. */
  readonly failures: readonly RotationFailure[];
}

/**
 * Re-encrypt every stored installation secret with the box's current (first) key, and encrypt
 * plain-text tokens left from before encryption (at each platform's token paths). Values already on
 * the current key are left alone, so running it twice changes nothing the second time. Rows are
 * locked while they are rewritten, so a concurrent install is not overwritten with old data.
 */
export async function rotateInstallationSecrets(db: Db, box: SecretBox, pathsByPlatform: Readonly<Record<string, readonly SecretPath[]>>): Promise<RotationReport> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx.selectFrom('platform_installations').select(['id', 'platform', 'installation_key', 'data']).orderBy('platform').orderBy('installation_key').forUpdate().execute();
    let reencrypted = 0;
    let encryptedPlain = 0;
    const failures: RotationFailure[] = [];
    for (const row of rows) {
      try {
        const result = resealSecrets(row.data, pathsByPlatform[row.platform] ?? [], box, installationScope(row.platform, row.installation_key));
        if (result.reencrypted + result.encryptedPlain === 0) continue;
        await tx.updateTable('platform_installations').set({ data: JSON.stringify(result.record) }).where('id', '=', row.id).execute();
        reencrypted += result.reencrypted;
        encryptedPlain += result.encryptedPlain;
      } catch (error) {
        if (!(error instanceof SecretError)) throw error;
        failures.push({ platform: row.platform, installationKey: row.installation_key, problem: error.message });
      }
    }
    return { keyId: box.currentKeyId, installations: rows.length, reencrypted, encryptedPlain, failures };
  });
}
