import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';

/**
 * Recert's Teams adapter in dev mode (RECERT_TEAMS_DEV=1: no credentials, loopback only) and the
 * Microsoft 365 Agents Playground (a local Teams-like web client, no Microsoft account) pointed at
 * it. Used by `npm run dev:teams` and by the end-to-end script (`npm run e2e:teams`).
 */
export interface PlaygroundOptions {
  /** Recert's port (PORT); the Playground posts activities to http://127.0.0.1:PORT/api/messages. */
  readonly botPort: number;
  /** The Playground's web page and mock connector (it moves to a free port when this one is taken). */
  readonly playgroundPort: number;
  /** Variables for Recert on top of the environment and `.env` (e.g. DATABASE_URL). */
  readonly env?: Readonly<Record<string, string>>;
  /** Each line both processes print, prefixed with [recert] or [playground]. */
  readonly output: (line: string) => void;
}

export interface Playground {
  readonly url: string;
  /** Resolves with the first child's exit code when either process ends (the other is then stopped). */
  readonly ended: Promise<number>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');
// The Microsoft* variables are blanked (not just unset) so a `.env` with credentials does not turn dev mode off.
const NO_CREDENTIALS = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '', MicrosoftAppTenantId: '' };
// Recert migrates the database before it listens: slow on a loaded machine or a first embedded start.
const BOT_START_MS = 120_000;
const PLAYGROUND_START_MS = 60_000;

/** Both processes, started in order; if either fails to start, both are stopped and the error names why. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const pair = new Pair();
  try {
    pair.launch('recert', [path.join(ROOT, 'bin', 'recert.js'), 'serve'], { ...dotenvFile(), ...process.env, ...NO_CREDENTIALS, ...options.env, RECERT_TEAMS_DEV: '1', PORT: String(options.botPort) }, options.output);
    await pair.orExit(waitForHttp(`http://127.0.0.1:${options.botPort}/healthz`, BOT_START_MS), 'Recert');
    const logDir = path.join(ROOT, '.tmp');
    mkdirSync(logDir, { recursive: true });
    let announce: (port: number) => void = () => undefined;
    const listening = new Promise<number>((resolve) => (announce = resolve));
    const args = [playgroundCli(), 'start', '--app-endpoint', `http://127.0.0.1:${options.botPort}/api/messages`, '--channel-id', 'msteams', '--port', String(options.playgroundPort), '--disable-telemetry'];
    pair.launch('playground', args, {
      ...process.env,
      // Without it the Playground tries to open a browser, and exits with code 1 and no message when it cannot.
      TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'm365agentsplayground.log'),
    }, (line) => {
      const port = /Listening on (\d+)/.exec(line)?.[1];
      if (port) announce(Number(port));
      options.output(line);
    });
    const port = await pair.orExit(withTimeout(listening, PLAYGROUND_START_MS, 'the Playground to listen'), 'the Playground');
    await pair.orExit(waitForHttp(`http://127.0.0.1:${port}/`, PLAYGROUND_START_MS), 'the Playground');
    return { url: `http://127.0.0.1:${port}/`, ended: pair.ended, stop: () => pair.stop() };
  } catch (error) {
    await pair.stop();
    throw error;
  }
}

/** Two child processes that live and die together. */
class Pair {
  private readonly children: ChildProcess[] = [];
  private finish: (code: number) => void = () => undefined;
  readonly ended = new Promise<number>((resolve) => (this.finish = resolve));

  launch(name: string, args: string[], env: NodeJS.ProcessEnv, output: (line: string) => void): ChildProcess {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer) => chunk.toString('utf8').split('\n').filter(Boolean).forEach((line) => output(`[${name}] ${line}`));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    this.children.push(child);
    child.once('exit', (code) => {
      this.finish(code ?? 1);
      void this.stop();
    });
    return child;
  }

  /** The step's result, or an error when a process exits first. */
  orExit<T>(step: Promise<T>, who: string): Promise<T> {
    return Promise.race([step, this.ended.then((code) => Promise.reject(new Error(`${who} did not start: a process exited with code ${code} (E2E_VERBOSE=1 shows its output)`)))]);
  }

  async stop(): Promise<void> {
    await Promise.all(this.children.map(stopChild));
  }
}

function dotenvFile(): Record<string, string> {
  const file = path.join(process.cwd(), '.env');
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

function playgroundCli(): string {
  return createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
}

/** SIGTERM (Recert stops its adapters and the database cleanly), SIGKILL after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
