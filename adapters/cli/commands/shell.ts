import path from 'node:path';
import { folderDelivery } from '../../shell/export-folder.ts';
import { ShellSession } from '../../shell/session.ts';
import { readLocalFile } from '../../shell/local-files.ts';
import { runShell } from '../../shell/run-shell.ts';
import { newReference, type Runtime } from '../runtime.ts';

/** The terminal chat on the configured database, as the local organisation. */
export async function shellCommand(runtime: Runtime): Promise<number> {
  const session = new ShellSession({
    deps: runtime.deps,
    organisation: { externalId: 'local', name: 'Local organisation', timeZone: runtime.config.timeZone },
    readFile: (path) => readLocalFile(path, process.cwd()),
    newReference,
    deliverPaperwork: folderDelivery(runtime.deps, path.resolve(process.cwd(), runtime.config.exportDir)),
  });
  await runShell(session, runtime.config.shellUser, {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    stopping: runtime.stopping,
  });
  return 0;
}
