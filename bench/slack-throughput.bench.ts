/**
 * How much work `recert serve` gets through, and whether memory stays flat when more arrives than
 * it can do (PostgreSQL in DATABASE_URL; a fresh database per run):
 *   - work rate: commands at a rate above what one process does, to 1 and then 2 processes behind
 *     a round-robin "load balancer"; follow-ups completed per second;
 *   - burst: 3× the measured work rate for 60 s (or `--burst-rate`, which skips the work rate);
 *     memory sampled every second inside the process (bench/support/memory-sampler.ts: RSS, V8's
 *     heap and spaces, external, array buffers, collections), beside a bare Bolt app taking the
 *     same burst. `--variants` runs the burst once per set of node flags (`;` between sets,
 *     `npm-start` = package.json's flags, `none` = none), `--rounds` times in turn (A, B, A, B).
 *   DATABASE_URL=… npm run bench:throughput [-- --rate 800 --seconds 10 --burst-seconds 60]   (0: no burst)
 *     [--burst-rate 600] [--variants "npm-start;none"] [--rounds 2] [--every 5] [--bare 0]
 *     [--snapshots 10,50 --snapshot-dir /tmp/x]   (heap snapshots at those seconds into the burst)
 */
import { loadavg } from 'node:os';
import { percentile, runLoad } from './support/load.ts';
import { burstWithMemory, heapSummary, memoryTable, rssSummary } from './support/burst-memory.ts';
import { freshDatabase, rssMb, SECRET, SERVE_NODE_ARGS, startBareBolt, startRecert } from './support/processes.ts';
import { startSink, type Sink } from './support/sink.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback);
const rate = Number(option('rate', '800'));
const seconds = Number(option('seconds', '10'));
const burstSeconds = Number(option('burst-seconds', '60'));
const burstRate = Number(option('burst-rate', '0'));
const variants = option('variants', 'npm-start').split(';').map((v) => v.trim()).filter(Boolean);
const rounds = Number(option('rounds', '1'));
const every = Number(option('every', '5'));
const withBare = option('bare', '1') !== '0';
const snapshotsAt = option('snapshots', '').split(',').filter(Boolean).map(Number);
const snapshotDir = option('snapshot-dir', '.');
if (!process.env.DATABASE_URL) throw new Error('bench:throughput runs on PostgreSQL: set DATABASE_URL (several processes cannot share the embedded database)');

const texts = (i: number) => (i % 2 ? 'status' : `log "Throughput course ${i}" 45 min yesterday`);

function completedIn(sink: Sink, prefix: string, sentAt: readonly number[]): { done: number; ratePerSecond: number; p99: number } {
  const arrivals: number[] = [];
  const latencies: number[] = [];
  for (let i = 0; i < sentAt.length; i += 1) {
    const at = sink.followUps.get(`${prefix}${i}`)?.at[0];
    if (at === undefined) continue;
    arrivals.push(at);
    latencies.push(at - (sentAt[i] ?? at));
  }
  const first = sentAt[0] ?? 0;
  const last = Math.max(first, ...arrivals);
  return { done: arrivals.length, ratePerSecond: arrivals.length / ((last - first) / 1000), p99: percentile(latencies, 99) };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 250));
}

async function workRate(processes: number, sink: Sink) {
  const database = await freshDatabase(`t${processes}`);
  const procs = [];
  for (let i = 0; i < processes; i += 1) procs.push(await startRecert(database.env, sink.apiUrl));
  try {
    const prefix = `t${processes}-${Date.now()}-`;
    const load = await runLoad({ port: procs.map((p) => p.port), secret: SECRET, perSecond: rate, seconds, responseUrl: (i) => sink.responseUrl(`${prefix}${i}`), text: texts, users: 200 });
    await until(() => completedIn(sink, prefix, load.sentAt).done >= load.acks.length, 180_000);
    return { processes, acked: load.acks.length, sent: load.sent, shed: load.failed, notSaved: load.toldNotSaved, ackP99: percentile(load.acks, 99), ...completedIn(sink, prefix, load.sentAt), load: loadNow() };
  } finally {
    for (const p of procs) await p.stop();
    await database.drop();
  }
}

async function bareBurst(perSecond: number, sink: Sink) {
  const bare = await startBareBolt();
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMb(bare.child.pid)), 1000);
  const load = await runLoad({ port: bare.port, secret: SECRET, perSecond, seconds: burstSeconds, responseUrl: (i) => sink.responseUrl(`bare-burst-${i}`), text: texts, users: 200 });
  clearInterval(sampler);
  await bare.stop();
  const settled = samples.slice(5);
  return { ackP99: percentile(load.acks, 99), rssMin: Math.min(...settled), rssMax: Math.max(...settled) };
}

/** The 1-minute load average, and the machine's cores, at the end of a phase. */
function loadNow(): string {
  return (loadavg()[0] ?? 0).toFixed(1);
}

/** Node flags for a variant's name: package.json's `npm start` ones, none, or the flags themselves. */
function nodeArgsOf(variant: string): string[] {
  if (variant === 'npm-start') return [...SERVE_NODE_ARGS];
  if (variant === 'none') return [];
  return variant.split(/\s+/);
}

async function bursts(perSecond: number, sink: Sink): Promise<void> {
  for (let round = 1; round <= rounds; round += 1) {
    for (const variant of variants) {
      const loadBefore = loadNow();
      const b = await burstWithMemory({ perSecond, seconds: burstSeconds, sink, texts, nodeArgs: nodeArgsOf(variant), snapshotsAt, snapshotDir });
      const flags = `${b.nodeArgs.join(' ') || 'no flags'}${b.nodeArgs.some((a) => a.startsWith('--heap-growing-percent')) ? '' : '; recert serve sets --heap-growing-percent=50'}`;
      console.log(`\n${variant} (${flags}), round ${round}: ${perSecond} commands/s for ${burstSeconds} s; load average ${loadBefore} → ${loadNow()}`);
      console.log(`acked ${b.acked} of ${b.sent}, ack p99 ${b.ackP99.toFixed(1)} ms, follow-ups during the burst ${b.followUps}, CPU ${(b.cpuMs / 1000).toFixed(1)} s; RSS first / min / max / last after 5 s (MB, /proc) ${rssSummary(b)}; ${heapSummary(b)}`);
      for (const line of memoryTable(b, every)) console.log(line);
    }
  }
}

const sink = await startSink();
if (burstRate > 0) {
  await bursts(burstRate, sink);
  if (withBare) {
    const bb = await bareBurst(burstRate, sink);
    console.log(`\nbare Bolt, same burst: ack p99 ${bb.ackP99.toFixed(1)} ms, RSS min / max ${bb.rssMin.toFixed(0)} / ${bb.rssMax.toFixed(0)} MB`);
  }
  await sink.close();
  process.exit(0);
}
const started = loadNow();
const one = await workRate(1, sink);
const two = await workRate(2, sink);
console.log(`Node ${process.version}, PostgreSQL 15, ${rate} commands/s for ${seconds} s (\`log …\` and \`status\` alternating, 200 people); load average ${started} at the start`);
console.log('| processes | acked (stored) | 503 or no answer | told "not saved" | ack p99 (ms) | follow-ups | work rate (commands/s) | follow-up p99 (ms) | load average after |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of [one, two]) console.log(`| ${r.processes} | ${r.acked} of ${r.sent} | ${r.shed} | ${r.notSaved} | ${r.ackP99.toFixed(1)} | ${r.done} | ${r.ratePerSecond.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.load} |`);
if (burstSeconds <= 0) {
  await sink.close();
  process.exit(0);
}
const measuredBurst = Math.round(3 * one.ratePerSecond);
console.log(`\nBurst: ${measuredBurst} commands/s (3× one process's work rate) for ${burstSeconds} s`);
await bursts(measuredBurst, sink);
if (withBare) {
  const bb = await bareBurst(measuredBurst, sink);
  console.log(`\nbare Bolt, same burst: ack p99 ${bb.ackP99.toFixed(1)} ms, RSS min / max ${bb.rssMin.toFixed(0)} / ${bb.rssMax.toFixed(0)} MB`);
}
await sink.close();
