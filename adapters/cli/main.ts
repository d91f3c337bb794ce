import type { Config } from '../../src/index.ts';
import { keysCommand } from './commands/keys.ts';
import { parseCommand } from './commands/parse.ts';
import { serveCommand } from './commands/serve.ts';
import { shellCommand } from './commands/shell.ts';
import { configFrom, loadEnvironment } from './environment.ts';
import { anyPlatform, parsePlatforms, platformSecrets, type PlatformSettings } from './platforms.ts';
import { makeLogger, withRuntime } from './runtime.ts';
import { describeFailure } from './startup-errors.ts';
import { systemClock } from './system-clock.ts';

const USAGE = `Usage: recert [command]

Commands:
  serve              run every configured platform (Slack, Teams); the terminal chat when none is configured (default)
  shell              chat with the bot in this terminal
  parse [--json] [text]
                     show what the bot reads from a text; without text, one text per line from stdin
  migrate            bring the database schema up to date
  keys rotate        re-encrypt every stored token with the first key of RECERT_ENCRYPTION_KEY
  export transcript --org ORG --person WHO [--pdf|--csv] [--out DIR]
                     a person's transcript for the renewal form, written to DIR (default RECERT_EXPORT_DIR)
  export pack --org ORG --person WHO [--out DIR]
                     a zip of the transcript and every certificate of the cycle
  report --org ORG [--csv|--json] [--out FILE]
                     everyone's compliance in an organisation, as CSV (default) or JSON
  roster import FILE --org ORG [--skip-bad]
                     build an organisation's roster from a CSV file (all or nothing unless --skip-bad)
  roster export --org ORG [--out FILE]
                     the roster as CSV (ORG: slack:<team id>, or local for the terminal's)
  nudges plan|run|status [--now <ISO>] [--org <org>]
                     reminders: what is due, send it once, what became of them
  help               this text

Configuration comes from the environment and a .env file; see README.md.`;

/** Entry point: returns the process exit code. Every failure ends here as one line on stderr. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command = 'serve', ...args] = argv;
  if (command === 'help' || command === '--help' || command === '-h') return print(USAGE, 0);
  let config: Config | null = null;
  try {
    const environment = loadEnvironment(process.cwd(), process.env);
    config = configFrom(environment, process.env);
    // Awaited here, inside `try`: a rejected start-up must be reported, not escape as an uncaught error.
    return await run(command, args, config, parsePlatforms(environment));
  } catch (error) {
    return reportFatal(error, config);
  }
}

async function run(command: string, args: readonly string[], config: Config, platforms: PlatformSettings): Promise<number> {
  switch (command) {
    case 'parse':
      return parseCommand(args, systemClock, config.timeZone, { stdin: process.stdin, write: (line) => process.stdout.write(`${line}\n`), writeError: (line) => process.stderr.write(`${line}\n`) });
    case 'migrate':
      return withRuntime(config, makeLogger(config, false), async ({ database }) =>
        print(database.migrationsApplied.length ? `Applied: ${database.migrationsApplied.join(', ')}` : 'The database is up to date.', 0),
      );
    case 'keys':
      return keysCommand(args, config);
    // Loaded on demand: their file libraries (pdfkit, csv) are not for the chat or `recert parse`.
    case 'export':
      return (await import('./commands/export.ts')).exportCommand(args, config);
    case 'report':
      return (await import('./commands/report.ts')).reportCommand(args, config);
    case 'roster':
      return (await import('./commands/roster.ts')).rosterCommand(args, config);
    case 'nudges':
      return (await import('./commands/nudges-main.ts')).nudgesMain(args, config, platforms);
    case 'shell':
      return withRuntime(config, makeLogger(config, true), shellCommand);
    case 'serve':
      return withRuntime(config, makeLogger(config, !anyPlatform(platforms), platformSecrets(platforms)), (runtime) => serveCommand(runtime, platforms));
    default:
      return Promise.resolve(print(`Unknown command "${command}".\n\n${USAGE}`, 2, true));
  }
}

function reportFatal(error: unknown, config: Config | null): number {
  const report = describeFailure(error, config);
  print(report.line, 1, true);
  // An unanticipated error keeps its stack trace for whoever asks for it.
  if (!report.known && config?.logLevel === 'debug' && error instanceof Error && error.stack) print(error.stack, 1, true);
  return 1;
}

function print(text: string, code: number, toStderr = false): number {
  (toStderr ? process.stderr : process.stdout).write(`${text}\n`);
  return code;
}
