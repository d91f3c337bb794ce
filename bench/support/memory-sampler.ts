/**
 * Loaded into a benchmarked `recert serve` with `node --import …/memory-sampler.ts` (bench only; the
 * product carries none of it): once a second, one `memory-sample {json}` line on stderr with
 * process.memoryUsage() (bytes), V8's spaces (bytes committed and used) and the collections that
 * ran in that second, so the bench can tell which part of the resident memory grows.
 */
import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

const INTERVAL_MS = 1000;
let minor = 0;
let major = 0;
let gcMs = 0;

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) major += 1;
    else minor += 1;
    gcMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

function sample(): void {
  const usage = process.memoryUsage();
  const spaces: Record<string, [number, number]> = {};
  for (const space of getHeapSpaceStatistics()) spaces[space.space_name] = [space.space_size, space.space_used_size];
  process.stderr.write(`memory-sample ${JSON.stringify({ at: Date.now(), ...usage, spaces, minor, major, gcMs: Math.round(gcMs) })}\n`);
  minor = 0;
  major = 0;
  gcMs = 0;
}

setInterval(sample, INTERVAL_MS).unref();
