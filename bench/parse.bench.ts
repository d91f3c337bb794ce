/**
 * How many texts per second the reader handles, beside chrono-node alone on the same texts (the
 * call the date reader makes), measured in the same run. A benchmark, not a test: run it with
 * `npm run bench` on a quiet machine and copy the numbers into docs/benchmarks.md.
 */
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { readDuration } from '../src/reading/duration.ts';
import { readTraining } from '../src/reading/training-text.ts';
import { explainText } from '../src/use-cases/explain-text.ts';
import { CORPUS } from './corpus.ts';

const NOW = DateTime.fromISO('2026-11-27T15:00:00Z', { zone: 'utc' });
const ZONE = 'America/New_York';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

interface Row {
  readonly name: string;
  readonly run: (text: string) => unknown;
  readonly rates: number[];
}

/** CPU time of this process in ms: on a shared machine, time spent descheduled is not the reader's. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** One slice of `row`: whole passes over the corpus for `ms` of CPU time; texts per CPU second. */
function slice(row: Row, ms: number): void {
  let count = 0;
  const start = cpuMs();
  while (cpuMs() - start < ms) {
    for (const text of CORPUS) row.run(text);
    count += CORPUS.length;
  }
  row.rates.push(count / ((cpuMs() - start) / 1000));
}

/** Rows take turns, round after round, so a noisy moment on the machine hits all of them alike. */
function measureAll(rows: readonly Row[]): void {
  for (const row of rows) for (let i = 0; i < 200; i += 1) row.run(CORPUS[i % CORPUS.length] ?? ''); // warm up the JIT
  for (let round = 0; round < ROUNDS; round += 1) for (const row of rows) slice(row, (SECONDS * 1000) / ROUNDS);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// The reference: one chrono-node parse per text, with the options the completion-date reader passes.
const local = NOW.setZone(ZONE);
const chronoOnly = (text: string): unknown => chrono.parse(text, { instant: NOW.toJSDate(), timezone: local.offset }, { forwardDate: false });

const rows: Row[] = [
  { name: 'chrono-node alone (`chrono.parse`, reference)', run: chronoOnly, rates: [] },
  { name: 'length only (readDuration)', run: (t) => readDuration(t), rates: [] },
  { name: 'whole training (readTraining: title, kind, date, length)', run: (t) => readTraining(t, NOW, ZONE), rates: [] },
  { name: 'recert parse (explainText: reading + credit rule)', run: (t) => explainText(t, NOW, ZONE), rates: [] },
];
measureAll(rows);

const reference = median(rows[0]?.rates ?? [1]);
console.log(`Node ${process.version}, ${CORPUS.length} texts, median of ${ROUNDS} interleaved rounds, ${SECONDS} s of CPU time per row`);
console.log('| what | texts per CPU second | µs per text | cost × chrono alone |\n|---|---|---|---|');
for (const row of rows) {
  const rate = median(row.rates);
  console.log(`| ${row.name} | ${Math.round(rate).toLocaleString('en-US')} | ${(1e6 / rate).toFixed(0)} | ${(reference / rate).toFixed(2)} |`);
}
