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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

function measure(name: string, run: (text: string) => unknown): { name: string; perSecond: number } {
  for (let i = 0; i < 200; i += 1) run(CORPUS[i % CORPUS.length] ?? ''); // warm up the JIT
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let count = 0;
    const start = performance.now();
    const until = start + (SECONDS * 1000) / ROUNDS;
    while (performance.now() < until) {
      for (const text of CORPUS) run(text);
      count += CORPUS.length;
    }
    rates.push(count / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { name, perSecond: rates[Math.floor(rates.length / 2)] ?? 0 };
}

// The reference: one chrono-node parse per text, with the options the completion-date reader passes.
const local = NOW.setZone(ZONE);
const chronoOnly = (text: string): unknown => chrono.parse(text, { instant: NOW.toJSDate(), timezone: local.offset }, { forwardDate: false });

const results = [
  measure('chrono-node alone (`chrono.parse`, reference)', chronoOnly),
  measure('length only (readDuration)', (t) => readDuration(t)),
  measure('whole training (readTraining: title, kind, date, length)', (t) => readTraining(t, NOW, ZONE)),
  measure('recert parse (explainText: reading + credit rule)', (t) => explainText(t, NOW, ZONE)),
];

const reference = results[0]?.perSecond ?? 1;
console.log(`Node ${process.version}, ${CORPUS.length} texts, median of ${ROUNDS} rounds over ${SECONDS} s`);
console.log('| what | texts per second | µs per text | cost × chrono alone |\n|---|---|---|---|');
for (const r of results) {
  const micros = 1e6 / r.perSecond;
  console.log(`| ${r.name} | ${Math.round(r.perSecond).toLocaleString('en-US')} | ${micros.toFixed(0)} | ${(reference / r.perSecond).toFixed(2)} |`);
}
