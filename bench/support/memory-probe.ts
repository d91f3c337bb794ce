/**
 * Loaded into `recert serve` with `--import` by bench/embedded-memory.bench.ts (never by the app):
 * on SIGUSR2 it prints one line, `MEMORY-PROBE {json}`, to stderr with the main thread's V8 heap and
 * each worker thread's (the embedded database's thread among them), in bytes. V8 counts a worker's
 * WebAssembly.Memory as that worker's external memory, so the bench can find PGlite's heap in
 * /proc/<pid>/smaps by its size.
 */
import process from 'node:process';
import { getHeapStatistics } from 'node:v8';
import type { Worker } from 'node:worker_threads';

const workers = new Set<Worker>();
process.on('worker', (worker: Worker) => {
  workers.add(worker);
  worker.once('exit', () => workers.delete(worker));
});

process.on('SIGUSR2', () => {
  void report().then((line) => process.stderr.write(`MEMORY-PROBE ${line}\n`));
});

async function report(): Promise<string> {
  const main = getHeapStatistics();
  const usage = process.memoryUsage();
  const threads = await Promise.all([...workers].map((worker) => worker.getHeapStatistics().catch(() => null)));
  return JSON.stringify({
    main: { heapTotal: main.total_heap_size, heapUsed: main.used_heap_size, external: main.external_memory, arrayBuffers: usage.arrayBuffers },
    workers: threads.filter((t) => t !== null).map((t) => ({ heapTotal: t.total_heap_size, heapUsed: t.used_heap_size, external: t.external_memory })),
  });
}
