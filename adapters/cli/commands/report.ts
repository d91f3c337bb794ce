import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportComplianceReport, isRecertError, operatorActor, type Config } from '../../../src/index.ts';
import { countsLine } from '../../common/compliance-phrases.ts';
import { errorMessage } from '../../common/error-messages.ts';
import { organisationReportCsv, organisationReportJson } from '../../common/organisation-report-csv.ts';
import { fileProblem, writeProblem } from '../output-path.ts';
import { makeLogger, withRuntime } from '../runtime.ts';

export const REPORT_USAGE = `Usage: recert report --org <org> [--csv|--json] [--out FILE]

Everyone in the organisation with their state, credit, certificate, fee and reasons (the same as
each person's own status), most urgent first: CSV (default) or JSON, on stdout unless --out.
--org is slack:T0123 (a Slack workspace) or local (the terminal's).`;

export interface ReportIo {
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
}

const stdio: ReportIo = { out: (text) => process.stdout.write(text), err: (line) => process.stderr.write(`${line}\n`), cwd: process.cwd() };

interface ReportArgs {
  readonly org: string;
  readonly format: 'csv' | 'json';
  readonly out: string | null;
}

/** `recert report`: the arguments are checked before the database is opened; the export is audited as the operator's. */
export async function reportCommand(args: readonly string[], config: Config, io: ReportIo = stdio): Promise<number> {
  const parsed = readArgs(args);
  if (parsed === 'help') return (io.out(`${REPORT_USAGE}\n`), 0);
  if ('problem' in parsed) {
    io.err(`${parsed.problem}\n\n${REPORT_USAGE}`);
    return 2;
  }
  const target = parsed.out ? path.resolve(io.cwd, parsed.out) : null;
  const unwritable = target ? await fileProblem(target) : null;
  if (unwritable) return (io.err(unwritable), 1);
  return withRuntime(config, makeLogger(config, true), async ({ deps }) => {
    try {
      const report = await exportComplianceReport(deps, await operatorActor(deps, parsed.org));
      const text = parsed.format === 'json' ? organisationReportJson(report.rows) : organisationReportCsv(report.rows);
      if (!target) return (io.out(text), 0);
      const failed = await writeFile(target, text, { flag: 'w' }).then(() => null, (error: unknown) => writeProblem(target, error));
      if (failed) return (io.err(failed), 1);
      io.out(`${target}\n${countsLine(report.counts)}\n`);
      return 0;
    } catch (error) {
      if (!isRecertError(error)) throw error;
      io.err(errorMessage(error.code, error.details));
      return 1;
    }
  });
}

function readArgs(args: readonly string[]): ReportArgs | 'help' | { problem: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: { org: { type: 'string' }, csv: { type: 'boolean' }, json: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return 'help';
  if (!values.org?.trim()) return { problem: 'Which organisation? Give --org.' };
  if (values.csv && values.json) return { problem: 'Choose one of --csv and --json.' };
  if (values.out !== undefined && !values.out.trim()) return { problem: '--out needs a file name.' };
  return { org: values.org, format: values.json ? 'json' : 'csv', out: values.out ?? null };
}
