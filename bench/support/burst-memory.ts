/**
 * The burst of `bench:throughput`: one `recert serve` (with given node flags) taking commands faster
 * than it works them off, its memory sampled every second from inside (memory-sampler.ts) and from
 * /proc, optionally with heap snapshots at given seconds into the burst (`--heapsnapshot-signal`).
 */
import { fileURLToPath } from 'node:url';
import { percentile, runLoad } from './load.ts';
import { cpuMs, freshDatabase, rssMb, SECRET, startRecert } from './processes.ts';
import type { Sink } from './sink.ts';

const PROBE = fileURLToPath(new URL('./memory-sampler.ts', import.meta.url));
const MB = 1024 * 1024;

export interface MemorySample {
  /** Seconds since the burst started. */
  readonly second: number;
  /** MB, as process.memoryUsage() reports them inside the process. */
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
  /** MB committed by V8's young generation (both semi-spaces) and by its old generation. */
  readonly newSpace: number;
  readonly oldSpace: number;
  /** Collections that ran in that second: scavenges (and other minor ones), mark-compacts. */
  readonly minor: number;
  readonly major: number;
  /** Main-thread pause (ms) of those collections. */
  readonly gcMs: number;
}

export interface BurstResult {
  readonly nodeArgs: readonly string[];
  readonly sent: number;
  readonly acked: number;
  readonly ackP99: number;
  readonly followUps: number;
  /** CPU time (ms) the process used during the burst, user + system (all its threads, GC helpers included). */
  readonly cpuMs: number;
  /** /proc VmRSS (MB), one a second from the bench's side. */
  readonly rssFromProc: number[];
  readonly samples: MemorySample[];
}

export interface BurstOptions {
  readonly perSecond: number;
  readonly seconds: number;
  readonly sink: Sink;
  readonly texts: (i: number) => string;
  readonly nodeArgs: readonly string[];
  /** Seconds into the burst at which to write a heap snapshot (into `snapshotDir`). */
  readonly snapshotsAt?: readonly number[];
  readonly snapshotDir?: string;
}

export async function burstWithMemory(options: BurstOptions): Promise<BurstResult> {
  const snapshots = options.snapshotsAt ?? [];
  const snapshotArgs = snapshots.length ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${options.snapshotDir ?? '.'}`] : [];
  const database = await freshDatabase('burst');
  const recert = await startRecert(database.env, options.sink.apiUrl, [...options.nodeArgs, ...snapshotArgs, `--import=${PROBE}`]);
  const rssFromProc: number[] = [];
  const started = Date.now();
  const cpuBefore = cpuMs(recert.child.pid);
  const sampler = setInterval(() => {
    rssFromProc.push(rssMb(recert.child.pid));
    const second = Math.round((Date.now() - started) / 1000);
    if (snapshots.includes(second)) recert.child.kill('SIGUSR2');
  }, 1000);
  try {
    const prefix = `burst-${Date.now()}-`;
    const load = await runLoad({ port: recert.port, secret: SECRET, perSecond: options.perSecond, seconds: options.seconds, responseUrl: (i) => options.sink.responseUrl(`${prefix}${i}`), text: options.texts, users: 200 });
    clearInterval(sampler);
    const cpuUsed = cpuMs(recert.child.pid) - cpuBefore;
    let followUps = 0;
    for (let i = 0; i < load.sent; i += 1) if (options.sink.followUps.has(`${prefix}${i}`)) followUps += 1;
    const samples = parseSamples(recert.output(), started).filter((s) => s.second >= 0 && s.second <= options.seconds + 1);
    return { nodeArgs: options.nodeArgs, sent: load.sent, acked: load.acks.length, ackP99: percentile(load.acks, 99), followUps, cpuMs: cpuUsed, rssFromProc, samples };
  } finally {
    clearInterval(sampler);
    await recert.stop();
    await database.drop();
  }
}

/** One line of memory-sampler.ts (bytes). */
interface ProbeLine extends NodeJS.MemoryUsage {
  readonly at: number;
  readonly spaces: Record<string, [committed: number, used: number] | undefined>;
  readonly minor: number;
  readonly major: number;
  readonly gcMs: number;
}

function parseSamples(output: string, started: number): MemorySample[] {
  const samples: MemorySample[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('memory-sample ')) continue;
    const raw = JSON.parse(line.slice('memory-sample '.length)) as ProbeLine;
    const committed = (name: string) => (raw.spaces[name]?.[0] ?? 0) / MB;
    samples.push({
      second: Math.round((raw.at - started) / 1000),
      rss: raw.rss / MB,
      heapTotal: raw.heapTotal / MB,
      heapUsed: raw.heapUsed / MB,
      external: raw.external / MB,
      arrayBuffers: raw.arrayBuffers / MB,
      newSpace: committed('new_space'),
      oldSpace: committed('old_space'),
      minor: raw.minor,
      major: raw.major,
      gcMs: raw.gcMs,
    });
  }
  return samples;
}

const f = (n: number) => n.toFixed(0);

/** One row every `every` seconds: where the resident memory is (MB) and the collections since the last row. */
export function memoryTable(result: BurstResult, every: number): string[] {
  const lines = ['| s | RSS | heap total | heap used | new space | old space | external | array buffers | RSS − heap − external | scavenges | mark-compacts |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  let minor = 0;
  let major = 0;
  let bucket = -1;
  for (const s of result.samples) {
    minor += s.minor;
    major += s.major;
    // The first sample of each `every` seconds (a busy second can delay the probe's line).
    if (Math.floor(s.second / every) === bucket) continue;
    bucket = Math.floor(s.second / every);
    lines.push(`| ${s.second} | ${f(s.rss)} | ${f(s.heapTotal)} | ${f(s.heapUsed)} | ${f(s.newSpace)} | ${f(s.oldSpace)} | ${f(s.external)} | ${f(s.arrayBuffers)} | ${f(s.rss - s.heapTotal - s.external)} | ${minor} | ${major} |`);
    minor = 0;
    major = 0;
  }
  return lines;
}

/** The largest heap used (MB), the mark-compacts and the collections' main-thread pauses over the burst. */
export function heapSummary(result: BurstResult): string {
  const used = Math.max(...result.samples.map((s) => s.heapUsed));
  const major = result.samples.reduce((sum, s) => sum + s.major, 0);
  const paused = result.samples.reduce((sum, s) => sum + s.gcMs, 0);
  return `heap used max ${f(used)} MB, ${major} mark-compacts, GC pauses ${f(paused)} ms`;
}

/** RSS first / min / max / last (MB) after the first 5 s of warm-up (JIT, pools, caches), from /proc. */
export function rssSummary(result: BurstResult): string {
  const settled = result.rssFromProc.slice(5);
  return `${f(settled[0] ?? 0)} / ${f(Math.min(...settled))} / ${f(Math.max(...settled))} / ${f(settled.at(-1) ?? 0)}`;
}
