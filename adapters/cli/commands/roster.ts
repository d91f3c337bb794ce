import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asReply, exportRoster, importRoster, isRecertError, operatorActor, type Config, type Reply } from '../../../src/index.ts';
import { presentRosterImport } from '../../common/present/roster.ts';
import { renderText } from '../../shell/render-text.ts';
import { renderReply, TERMINAL_WORDING } from '../../shell/render.ts';
import { fileProblem, writeProblem } from '../output-path.ts';
import { makeLogger, newReference, withRuntime, type Runtime } from '../runtime.ts';

export const ROSTER_USAGE = `Usage: recert roster import FILE --org ORG [--skip-bad]   build the roster from a CSV file (all or nothing unless --skip-bad)
       recert roster export --org ORG [--out FILE]         the roster as CSV (to FILE, else to stdout)
ORG: slack:<team id>, or local for the terminal's organisation.`;

export interface RosterIo {
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
}

const stdio: RosterIo = { out: (text) => process.stdout.write(text), err: (line) => process.stderr.write(`${line}\n`) };

type Parsed = { readonly sub: 'import'; readonly file: string; readonly org: string; readonly skipBad: boolean } | { readonly sub: 'export'; readonly org: string; readonly out: string | null };

/** Arguments are checked before anything opens the database; a mistake is exit 2 with the usage. */
function parse(args: readonly string[]): Parsed | string {
  const [sub, ...rest] = args;
  if (sub !== 'import' && sub !== 'export') return sub ? `Unknown roster command "${sub}".` : 'Which roster command?';
  let values: { org?: string | undefined; out?: string | undefined; 'skip-bad'?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: { org: { type: 'string' }, out: { type: 'string' }, 'skip-bad': { type: 'boolean' } } }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (!values.org) return 'Which organisation? Add --org slack:<team id> (or --org local).';
  if (sub === 'import') {
    if (positionals.length !== 1 || !positionals[0] || values.out) return 'roster import takes one FILE (and --skip-bad).';
    return { sub, file: positionals[0], org: values.org, skipBad: values['skip-bad'] === true };
  }
  if (positionals.length || values['skip-bad']) return 'roster export takes --org and --out only.';
  return { sub, org: values.org, out: values.out ?? null };
}

/** `recert roster import|export`: as the operator (an admin's rights, audited as the operator). */
export async function rosterCommand(args: readonly string[], config: Config, io: RosterIo = stdio): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n\n${ROSTER_USAGE}`);
    return 2;
  }
  const unwritable = parsed.sub === 'export' && parsed.out ? await fileProblem(path.resolve(parsed.out)) : null;
  if (unwritable) return (io.err(unwritable), 1);
  return withRuntime(config, makeLogger(config, true), (runtime) => (parsed.sub === 'import' ? runImport(runtime, parsed, io) : runExport(runtime, parsed, io)));
}

async function runImport(runtime: Runtime, args: Extract<Parsed, { sub: 'import' }>, io: RosterIo): Promise<number> {
  const bytes = await readFile(args.file).catch(() => null);
  if (!bytes) {
    io.err(`Cannot read "${args.file}".`);
    return 1;
  }
  const reply = await asReply(async () => importRoster(runtime.deps, await operatorActor(runtime.deps, args.org, `cli-${newReference()}`), { text: new Uint8Array(bytes), fileName: args.file, skipBad: args.skipBad }));
  return report(reply, io);
}

function report(reply: Reply, io: RosterIo): number {
  // Every refused value, however many (a file is fixed from this list), and the command line's own hint.
  const text = reply.kind === 'roster-import' ? renderText(presentRosterImport(reply, TERMINAL_WORDING, true)) : renderReply(reply);
  if (reply.kind === 'roster-import' && reply.result.stored) {
    io.out(`${text}\n`);
    return 0;
  }
  io.err(text);
  if (reply.kind === 'roster-import') io.err('Nothing was stored. Fix the rows, or run again with --skip-bad to store the good ones.');
  return 1;
}

async function runExport(runtime: Runtime, args: Extract<Parsed, { sub: 'export' }>, io: RosterIo): Promise<number> {
  try {
    const { csv, people } = await exportRoster(runtime.deps, await operatorActor(runtime.deps, args.org, `cli-${newReference()}`));
    if (!args.out) {
      io.out(csv);
      return 0;
    }
    const out = args.out;
    const failed = await writeFile(out, csv).then(() => null, (error: unknown) => writeProblem(out, error));
    if (failed) return (io.err(failed), 1);
    io.err(`Wrote ${people} ${people === 1 ? 'person' : 'people'} to ${args.out}.`);
    return 0;
  } catch (error) {
    if (!isRecertError(error)) throw error;
    io.err(renderReply({ kind: 'error', code: error.code, details: error.details }));
    return 1;
  }
}
