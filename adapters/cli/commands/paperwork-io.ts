import { parseArgs } from 'node:util';
import { isRecertError, type CoreDeps, type Paperwork } from '../../../src/index.ts';
import { errorMessage } from '../../common/error-messages.ts';
import type { PaperworkFile } from '../../common/paperwork/files.ts';
import { makePaperworkFiles } from '../../common/paperwork/make-files.ts';

export { writeWhole } from '../../common/paperwork/make-files.ts';

export interface PaperworkIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Where a relative --out is read from. */
  readonly cwd: string;
}

export const stdio: PaperworkIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`), cwd: process.cwd() };

export interface PaperworkArgs {
  readonly positionals: readonly string[];
  readonly org?: string;
  readonly person?: string;
  readonly out?: string;
  readonly pdf: boolean;
  readonly csv: boolean;
  readonly json: boolean;
}

/** The export's options; an unknown option or a missing value is a problem to print with the usage. */
export function readArgs(args: readonly string[]): PaperworkArgs | { readonly problem: string } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { org: { type: 'string' }, person: { type: 'string' }, out: { type: 'string' }, pdf: { type: 'boolean' }, csv: { type: 'boolean' }, json: { type: 'boolean' } },
    });
    return {
      positionals,
      ...(values.org === undefined ? {} : { org: values.org }),
      ...(values.person === undefined ? {} : { person: values.person }),
      ...(values.out === undefined ? {} : { out: values.out }),
      pdf: values.pdf === true,
      csv: values.csv === true,
      json: values.json === true,
    };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export function filesOf(deps: Pick<CoreDeps, 'db'>, paperwork: Paperwork): Promise<PaperworkFile[]> {
  return makePaperworkFiles(deps, paperwork);
}

/** A person's mistake (an unknown organisation or person) as one line; null for anything unforeseen. */
export function failureLine(error: unknown): string | null {
  if (!isRecertError(error)) return null;
  return errorMessage(error.code, error.details);
}
