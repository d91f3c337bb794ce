/**
 * How much work `recert serve` gets through, and whether memory stays flat when more arrives than
 * it can do (PostgreSQL in DATABASE_URL; a fresh database per run):
 *   - work rate: commands at a rate above what one process does, to 1 and then 2 processes behind
 *     a round-robin "load balancer"; follow-ups completed per second;
 *   - burst: 3× the measured work rate for 60 s; resident memory sampled every second, beside a
 *     bare Bolt app taking the same burst.
 *   DATABASE_URL=… npm run bench:throughput [-- --rate 800 --seconds 10 --burst-seconds 60]   (0: no burst)
 */
import { loadavg } from 'node:os';
import { percentile, runLoad } from './support/load.ts';
import { freshDatabase, rssMb, SECRET, startBareBolt, startRecert } from './support/processes.ts';
import { startSink, type Sink } from './support/sink.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback);
const rate = Number(option('rate', '800'));
const seconds = Number(option('seconds', '10'));
const burstSeconds = Number(option('burst-seconds', '60'));
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

async function burst(perSecond: number, sink: Sink) {
  const database = await freshDatabase('burst');
  const recert = await startRecert(database.env, sink.apiUrl);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMb(recert.child.pid)), 1000);
  try {
    const prefix = `burst-${Date.now()}-`;
    const load = await runLoad({ port: recert.port, secret: SECRET, perSecond, seconds: burstSeconds, responseUrl: (i) => sink.responseUrl(`${prefix}${i}`), text: texts, users: 200 });
    clearInterval(sampler);
    const settled = samples.slice(5); // after the first seconds of warm-up (JIT, pools, caches)
    return { perSecond, sent: load.sent, acked: load.acks.length, ackP99: percentile(load.acks, 99), rssFirst: settled[0] ?? 0, rssMin: Math.min(...settled), rssMax: Math.max(...settled), rssLast: settled.at(-1) ?? 0 };
  } finally {
    clearInterval(sampler);
    await recert.stop();
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

const sink = await startSink();
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
const burstRate = Math.round(3 * one.ratePerSecond);
const b = await burst(burstRate, sink);
const bb = await bareBurst(burstRate, sink);
console.log(`\nBurst: ${burstRate} commands/s (3× one process's work rate) for ${burstSeconds} s; RSS after the first 5 s; load average after ${loadNow()}`);
console.log('| app | acked | ack p99 (ms) | RSS first / min / max / last (MB) |');
console.log('|---|---|---|---|');
console.log(`| Recert, 1 process | ${b.acked} of ${b.sent} | ${b.ackP99.toFixed(1)} | ${b.rssFirst.toFixed(0)} / ${b.rssMin.toFixed(0)} / ${b.rssMax.toFixed(0)} / ${b.rssLast.toFixed(0)} |`);
console.log(`| bare Bolt | — | ${bb.ackP99.toFixed(1)} | — / ${bb.rssMin.toFixed(0)} / ${bb.rssMax.toFixed(0)} / — |`);
await sink.close();
