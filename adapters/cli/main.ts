import type { Config } from '../../src/index.ts';
import { keysCommand } from './commands/keys.ts';
import { nudgesMain } from './commands/nudges-main.ts';
import { parseCommand } from './commands/parse.ts';
import { serveCommand } from './commands/serve.ts';
import { shellCommand } from './commands/shell.ts';
import { loadConfig } from './environment.ts';
import { makeLogger, withRuntime } from './runtime.ts';
import { describeFailure } from './startup-errors.ts';
import { systemClock } from './system-clock.ts';

const USAGE = `Usage: recert [command]

Commands:
  serve              run every configured platform (Slack); the terminal chat when none is configured (default)
  shell              chat with the bot in this terminal
  parse [--json] [text]
                     show what the bot reads from a text; without text, one text per line from stdin
  migrate            bring the database schema up to date
  keys rotate        re-encrypt every stored token with the first key of RECERT_ENCRYPTION_KEY
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
    config = loadConfig(process.cwd(), process.env);
    // Awaited here, inside `try`: a rejected start-up must be reported, not escape as an uncaught error.
    return await run(command, args, config);
  } catch (error) {
    return reportFatal(error, config);
  }
}

function run(command: string, args: readonly string[], config: Config): Promise<number> {
  switch (command) {
    case 'parse':
      return parseCommand(args, systemClock, config.timeZone, { stdin: process.stdin, write: (line) => process.stdout.write(`${line}\n`), writeError: (line) => process.stderr.write(`${line}\n`) });
    case 'migrate':
      return withRuntime(config, makeLogger(config, false), async ({ database }) =>
        print(database.migrationsApplied.length ? `Applied: ${database.migrationsApplied.join(', ')}` : 'The database is up to date.', 0),
      );
    case 'keys':
      return keysCommand(args, config);
    case 'nudges':
      return nudgesMain(args, config);
    case 'shell':
      return withRuntime(config, makeLogger(config, true), shellCommand);
    case 'serve':
      return withRuntime(config, makeLogger(config, !config.slack), serveCommand);
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
