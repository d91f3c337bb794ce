import path from 'node:path';
import { getEvidencePack, getTranscript, operatorActor, type Config, type Paperwork } from '../../../src/index.ts';
import { folderProblem, writeProblem } from '../output-path.ts';
import { makeLogger, withRuntime } from '../runtime.ts';
import { failureLine, filesOf, readArgs, stdio, writeWhole, type PaperworkArgs, type PaperworkIo } from './paperwork-io.ts';

export const EXPORT_USAGE = `Usage: recert export transcript --org <org> --person <platform user id or name> [--pdf|--csv] [--out DIR]
       recert export pack --org <org> --person <platform user id or name> [--out DIR]
  --org slack:T0123 (a Slack workspace) or local (the terminal's); files go to DIR, else RECERT_EXPORT_DIR.`;

/**
 * `recert export transcript|pack`: a person's renewal paperwork, as the operator (an admin of the
 * organisation), written into a folder; the paths are printed. Arguments are checked before the
 * database is opened.
 */
export async function exportCommand(args: readonly string[], config: Config, io: PaperworkIo = stdio): Promise<number> {
  const parsed = readArgs(args);
  const problem = 'problem' in parsed ? parsed.problem : usageProblem(parsed);
  if (problem !== null || 'problem' in parsed) {
    io.err(`${problem}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const folder = path.resolve(io.cwd, parsed.out ?? config.exportDir);
  const unwritable = await folderProblem(folder);
  if (unwritable) return (io.err(unwritable), 1);
  return withRuntime(config, makeLogger(config, true), async ({ deps }) => {
    try {
      const actor = await operatorActor(deps, parsed.org ?? '');
      const about = { ref: { token: parsed.person ?? '' } };
      const paperwork: Paperwork =
        parsed.positionals[0] === 'pack'
          ? { what: 'pack', pack: await getEvidencePack(deps, actor, about) }
          : { what: 'transcript', format: parsed.csv ? 'csv' : 'pdf', transcript: await getTranscript(deps, actor, about, parsed.csv ? 'csv' : 'pdf') };
      for (const file of await filesOf(deps, paperwork)) {
        const target = path.join(folder, file.name);
        const failed = await writeWhole(target, file.bytes).then(() => null, (error: unknown) => writeProblem(target, error));
        if (failed) return (io.err(failed), 1);
        io.out(target);
      }
      return 0;
    } catch (error) {
      const line = failureLine(error);
      if (line === null) throw error;
      io.err(line);
      return 1;
    }
  });
}

function usageProblem(args: PaperworkArgs): string | null {
  const [what, ...extra] = args.positionals;
  if (what !== 'transcript' && what !== 'pack') return what ? `Unknown export "${what}".` : 'Export what: transcript or pack?';
  if (extra.length) return `Unexpected "${extra.join(' ')}".`;
  if (!args.org?.trim()) return 'Which organisation? Give --org.';
  if (!args.person?.trim()) return 'Whose paperwork? Give --person.';
  if (args.json) return '--json is for recert report.';
  if (args.pdf && args.csv) return 'Choose one of --pdf and --csv.';
  if (what === 'pack' && (args.pdf || args.csv)) return 'An evidence pack is a zip (with the transcript as PDF and CSV inside): leave out --pdf and --csv.';
  return null;
}
