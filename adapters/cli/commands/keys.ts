import { rotateInstallationSecrets, type Config, type RotationReport } from '../../../src/index.ts';
import { SLACK_SECRET_PATHS } from '../../slack/installation-store.ts';
import { makeLogger, withRuntime, type Runtime } from '../runtime.ts';

export interface KeysIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const KEYS_USAGE = 'Usage: recert keys rotate   re-encrypt every stored token with the first key of RECERT_ENCRYPTION_KEY';

/** Where each platform keeps tokens in its installation records (plain-text ones from before encryption get encrypted). */
const SECRET_PATHS = { slack: SLACK_SECRET_PATHS };

const stdio: KeysIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/** `recert keys <subcommand>`: the arguments are checked before anything opens the database. */
export async function keysCommand(args: readonly string[], config: Config, io: KeysIo = stdio): Promise<number> {
  if (args.length !== 1 || args[0] !== 'rotate') {
    io.err(`${args.length ? `Unknown keys command "${args.join(' ')}".` : 'Which keys command?'}\n\n${KEYS_USAGE}`);
    return 2;
  }
  return withRuntime(config, makeLogger(config, true), (runtime) => keysRotateCommand(runtime, io));
}

/**
 * `recert keys rotate`: re-encrypt every stored secret with the current (first) key. Safe to run
 * again (values already on that key are left alone). Exit 1 when a value opens with no configured key.
 */
export async function keysRotateCommand(runtime: Runtime, io: KeysIo): Promise<number> {
  const box = runtime.secrets;
  if (!box) {
    io.err('No encryption key is configured: set RECERT_ENCRYPTION_KEY (id:base64key, the new key first) and run recert keys rotate again.');
    return 1;
  }
  const report = await rotateInstallationSecrets(runtime.deps.db, box, SECRET_PATHS);
  for (const failure of report.failures) io.err(`Cannot decrypt ${failure.platform} installation ${failure.installationKey}: ${failure.problem}. Left as it was; add the key it names to RECERT_ENCRYPTION_KEY and run again.`);
  io.out(summary(report));
  return report.failures.length ? 1 : 0;
}

function summary(report: RotationReport): string {
  const changed = report.reencrypted + report.encryptedPlain;
  const checked = `${report.installations} installation${report.installations === 1 ? '' : 's'} checked`;
  if (!changed) return `Nothing to re-encrypt: every stored secret uses key ${report.keyId} (${checked}).`;
  const plain = report.encryptedPlain ? `, ${report.encryptedPlain} of them stored in plain text until now` : '';
  return `Re-encrypted ${changed} value${changed === 1 ? '' : 's'} with key ${report.keyId}${plain} (${checked}).`;
}
