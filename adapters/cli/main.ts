import { ConfigError, DataDirInUseError, MigrationFailedError } from '../../src/index.ts';
import { SlackStartError } from '../slack/app.ts';
import { keysCommand } from './commands/keys.ts';
import { parseCommand } from './commands/parse.ts';
import { serveCommand } from './commands/serve.ts';
import { shellCommand } from './commands/shell.ts';
import { loadConfig } from './environment.ts';
import { makeLogger, withRuntime } from './runtime.ts';
import { systemClock } from './system-clock.ts';

const USAGE = `Usage: recert [command]

Commands:
  serve              run every configured platform (Slack, Teams); the terminal chat when none is configured (default)
  shell              chat with the bot in this terminal
  parse [--json] [text]
                     show what the bot reads from a text; without text, one text per line from stdin
  migrate            bring the database schema up to date
  keys rotate        re-encrypt every stored token with the first key of RECERT_ENCRYPTION_KEY
  help               this text

Configuration comes from the environment and a .env file; see README.md.`;

/** Entry point: returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command = 'serve', ...args] = argv;
  try {
    if (command === 'help' || command === '--help' || command === '-h') return print(USAGE, 0);
    const config = loadConfig(process.cwd(), process.env);
    switch (command) {
      case 'parse':
        return parseCommand(args, systemClock, config.timeZone, { stdin: process.stdin, write: (line) => process.stdout.write(`${line}\n`) });
      case 'migrate':
        return withRuntime(config, makeLogger(config, false), async ({ database }) =>
          print(database.migrationsApplied.length ? `Applied: ${database.migrationsApplied.join(', ')}` : 'The database is up to date.', 0),
        );
      case 'keys':
        return keysCommand(args, config);
      case 'shell':
        return withRuntime(config, makeLogger(config, true), shellCommand);
      case 'serve':
        return withRuntime(config, makeLogger(config, !config.slack), serveCommand);
      default:
        return print(`Unknown command "${command}".\n\n${USAGE}`, 2, true);
    }
  } catch (error) {
    return reportFatal(error);
  }
}

function reportFatal(error: unknown): number {
  if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof MigrationFailedError || error instanceof SlackStartError) {
    return print(error.message, 1, true);
  }
  return print(`Recert stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1, true);
}

function print(text: string, code: number, toStderr = false): number {
  (toStderr ? process.stderr : process.stdout).write(`${text}\n`);
  return code;
}
