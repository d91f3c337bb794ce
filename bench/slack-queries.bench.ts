/**
 * Queries per `/ceu` command: one `recert serve` on PostgreSQL (DATABASE_URL) with a preload that
 * counts what it sends through `pg` (support/count-queries.ts); a warm-up, then signed commands at
 * a gentle rate (`log …` and `status` alternating, 200 people), every follow-up awaited; the
 * statements sent during the measured commands, per command, most frequent first.
 *   DATABASE_URL=… npm run bench:queries [-- --commands 400 --rate 40]
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad } from './support/load.ts';
import { freshDatabase, SECRET, startRecert } from './support/processes.ts';
import { startSink, type Sink } from './support/sink.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback);
const commands = Number(option('commands', '400'));
const rate = Number(option('rate', '40'));
if (!process.env.DATABASE_URL) throw new Error('bench:queries runs on PostgreSQL: set DATABASE_URL');

const texts = (i: number) => (i % 2 ? 'status' : `log "Query course ${i}" 45 min yesterday`);
const PRELOAD = fileURLToPath(new URL('./support/count-queries.ts', import.meta.url));

function arrived(sink: Sink, prefix: string): number {
  let n = 0;
  for (const id of sink.followUps.keys()) if (id.startsWith(prefix)) n += 1;
  return n;
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Counts by statement after `commands` more commands than the warm-up alone (two runs, subtracted). */
async function countsAfter(sink: Sink, measured: number): Promise<Record<string, number>> {
  const database = await freshDatabase('queries');
  const file = path.join(tmpdir(), `recert-queries-${process.pid}-${Date.now()}.json`);
  const recert = await startRecert({ ...database.env, QUERY_COUNT_FILE: file }, sink.apiUrl, ['--import', PRELOAD]);
  try {
    // Warm-up: every one of the 200 people has been seen once (a first contact costs more).
    for (const [label, n] of [['warm', 400], ['measure', measured]] as const) {
      const prefix = `q-${label}-${Date.now()}-`;
      if (n === 0) continue;
      await runLoad({ port: recert.port, secret: SECRET, perSecond: rate, seconds: n / rate, responseUrl: (i) => sink.responseUrl(`${prefix}${i}`), text: texts, users: 200 });
      await until(() => arrived(sink, prefix) >= n, 60_000);
    }
    await recert.stop();
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, number>;
  } finally {
    await recert.stop().catch(() => null);
    await database.drop();
    await rm(file, { force: true });
  }
}

const sink = await startSink();
const base = await countsAfter(sink, 0);
const measured = await countsAfter(sink, commands);
await sink.close();
const rows = Object.entries(measured)
  .map(([statement, n]) => ({ statement, perCommand: (n - (base[statement] ?? 0)) / commands }))
  .filter((r) => Math.abs(r.perCommand) > 0.005)
  .sort((a, b) => b.perCommand - a.perCommand);
const total = rows.reduce((sum, r) => sum + r.perCommand, 0);
console.log(`Node ${process.version}, PostgreSQL 15: ${commands} commands at ${rate}/s after a warm-up of 400; queries per command ${total.toFixed(2)} (BEGIN/COMMIT included)`);
for (const r of rows) console.log(`${r.perCommand.toFixed(2).padStart(6)}  ${r.statement}`);
