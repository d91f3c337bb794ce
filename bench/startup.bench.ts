/**
 * How long Recert takes to start, on a warm embedded database (migrated by a first run):
 * - `recert help`: starting Node and loading the command line's modules (it then prints usage);
 * - `recert parse "…"`: a whole run that needs no database;
 * - to the first prompt: from spawning the command under a pseudo-terminal (script(1)) until the
 *   chat shows its prompt, for `node bin/recert.js` and for the README's `npm start`.
 * `npm run bench:startup`; BENCH_ROUNDS (default 7) runs each, the median and the fastest shown.
 * BENCH_ROOT measures another checkout (e.g. an older commit) with this script.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './database.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROOT = process.env.BENCH_ROOT || fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'recert-bench-startup-'));
const env = { ...process.env, RECERT_DATA_DIR: dataDir, DATABASE_URL: '', RECERT_USER: 'Bench', LOG_LEVEL: 'warn' };

function timeOnce(command: string, args: readonly string[]): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  return performance.now() - start;
}

/** PATH as a person's shell has it: npm run puts node_modules/.bin first, which would run npm itself on the pinned Node. */
const userPath = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes(`node_modules${path.sep}.bin`)).join(path.delimiter);

/** Milliseconds from spawning `shellCommand` in a pseudo-terminal to its prompt ("Bench> "), then it is told to quit. */
function toFirstPrompt(shellCommand: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('script', ['-qfec', shellCommand, '/dev/null'], { cwd: ROOT, env: { ...env, PATH: userPath }, stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    let shown = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!shown && output.includes('Bench> ')) {
        shown = performance.now() - start;
        child.stdin.write('quit\r');
      }
    });
    child.on('error', reject);
    child.on('close', () => (shown ? resolve(shown) : reject(new Error(`no prompt from ${shellCommand}:\n${output}`))));
  });
}

async function measure(label: string, once: () => number | Promise<number>): Promise<string> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) samples.push(await once());
  samples.sort((a, b) => a - b);
  return `| ${label} | ${(percentile(samples, 50) / 1000).toFixed(2)} s | ${((samples[0] ?? 0) / 1000).toFixed(2)} s |`;
}

try {
  timeOnce(process.execPath, [path.join(ROOT, 'bin/recert.js'), 'migrate']); // warm: migrated, files cached
  const rows = [
    await measure('`recert help` (Node and the modules)', () => timeOnce(process.execPath, [path.join(ROOT, 'bin/recert.js'), 'help'])),
    await measure('`recert parse "…"` (no database)', () => timeOnce(process.execPath, [path.join(ROOT, 'bin/recert.js'), 'parse', 'MLN webinar, 45 min'])),
    await measure('`node bin/recert.js` to the first prompt', () => toFirstPrompt(`${process.execPath} bin/recert.js`)),
    await measure('`npm start` to the first prompt', () => toFirstPrompt('npm start --silent')),
  ];
  const npm = spawnSync('npm', ['--version'], { env: { ...env, PATH: userPath }, encoding: 'utf8' }).stdout.trim();
  const node = spawnSync('node', ['--version'], { env: { ...env, PATH: userPath }, encoding: 'utf8' }).stdout.trim();
  console.log(`Node ${process.version}; npm start: npm ${npm} on the node on PATH (${node}); ${ROUNDS} runs each, warm embedded database`);
  console.log('| what | median | fastest |\n|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
