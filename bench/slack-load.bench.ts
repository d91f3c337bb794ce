/**
 * Slack under load, measured the way Slack sees it: signed `/ceu` commands at steady rates to
 * `recert serve` (a child process, on the embedded database or the PostgreSQL in DATABASE_URL),
 * acknowledgement latency, and every follow-up counted at a local stand-in for Slack — side by
 * side with a bare Bolt app acknowledging the same commands in the same run.
 *   npm run bench:slack [-- --rates 50,100,150 --seconds 10]
 */
import { runLoad, percentile, type LoadResult } from './support/load.ts';
import { cpuMs, freshDatabase, rssMb, SECRET, startBareBolt, startRecert } from './support/processes.ts';
import { startSink, type Sink } from './support/sink.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => args[args.indexOf(`--${name}`) + 1] && args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback;
const rates = option('rates', '50,100,150').split(',').map(Number);
const seconds = Number(option('seconds', '10'));

const texts = (i: number) => (i % 2 ? 'status' : `log "Bench course ${i}" 45 min yesterday`);

interface Row {
  readonly rate: number;
  readonly recert: LoadResult;
  readonly bare: LoadResult;
  readonly followUps: { received: number; failed: number; p50: number; p99: number };
  readonly rssPeakMb: number;
  /** CPU time per command (ms): Recert's includes the work behind the ack; the bare app only acks. */
  readonly cpuPerCommand: { readonly recert: number; readonly bare: number };
}

async function waitForFollowUps(sink: Sink, prefix: string, count: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    let n = 0;
    for (const [id] of sink.followUps) if (id.startsWith(prefix)) n += 1;
    if (n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function followUpStats(sink: Sink, prefix: string, result: LoadResult) {
  const latencies: number[] = [];
  let failed = 0;
  for (let i = 0; i < result.sent; i += 1) {
    const entry = sink.followUps.get(`${prefix}${i}`);
    if (!entry) continue;
    if (entry.failed) failed += 1;
    const first = entry.at[0];
    if (first !== undefined) latencies.push(first - (result.sentAt[i] ?? first));
  }
  return { received: latencies.length, failed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function measureRate(rate: number, sink: Sink): Promise<Row> {
  const database = await freshDatabase(`r${rate}`);
  const recert = await startRecert(database.env, sink.apiUrl);
  let rssPeakMb = 0;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(recert.child.pid))), 250);
  try {
    const prefix = `r${rate}-${Date.now()}-`;
    await runLoad({ port: recert.port, secret: SECRET, perSecond: 10, seconds: 1, responseUrl: (i) => sink.responseUrl(`warm-${prefix}${i}`), text: texts, users: 50 });
    const cpuBefore = cpuMs(recert.child.pid);
    const result = await runLoad({ port: recert.port, secret: SECRET, perSecond: rate, seconds, responseUrl: (i) => sink.responseUrl(`${prefix}${i}`), text: texts, users: 50 });
    await waitForFollowUps(sink, prefix, result.acks.length, 120_000);
    const recertCpu = (cpuMs(recert.child.pid) - cpuBefore) / result.sent;
    const followUps = followUpStats(sink, prefix, result);
    await recert.stop();
    const bareApp = await startBareBolt();
    const bareBefore = cpuMs(bareApp.child.pid);
    const bare = await runLoad({ port: bareApp.port, secret: SECRET, perSecond: rate, seconds, responseUrl: (i) => sink.responseUrl(`bare-${i}`), text: texts, users: 50 });
    const bareCpu = (cpuMs(bareApp.child.pid) - bareBefore) / bare.sent;
    await bareApp.stop();
    return { rate, recert: result, bare, followUps, rssPeakMb, cpuPerCommand: { recert: recertCpu, bare: bareCpu } };
  } finally {
    clearInterval(sampler);
    await recert.stop().catch(() => null);
    await database.drop();
  }
}

const sink = await startSink();
const rows: Row[] = [];
for (const rate of rates) rows.push(await measureRate(rate, sink));
await sink.close();

const label = process.env.DATABASE_URL ? 'PostgreSQL 15' : 'embedded PGlite';
console.log(`Node ${process.version}, ${label}, ${seconds} s per rate, commands alternating \`log …\` and \`status\`, 50 people`);
console.log('| rate (cmd/s) | Recert ack p50 / p99 / max (ms) | acked ≤ 3 s | follow-ups received | follow-up p50 / p99 (ms) | "went wrong" | bare Bolt ack p50 / p99 (ms) | CPU per command, Recert / bare Bolt (ms) | Recert RSS peak |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const a = r.recert.acks;
  const b = r.bare.acks;
  console.log(
    `| ${r.rate} | ${percentile(a, 50).toFixed(1)} / ${percentile(a, 99).toFixed(1)} / ${Math.max(0, ...a).toFixed(0)} | ${r.recert.within3s} of ${r.recert.sent} | ${r.followUps.received} of ${r.recert.sent} | ${r.followUps.p50.toFixed(0)} / ${r.followUps.p99.toFixed(0)} | ${r.followUps.failed} | ${percentile(b, 50).toFixed(1)} / ${percentile(b, 99).toFixed(1)} | ${r.cpuPerCommand.recert.toFixed(1)} / ${r.cpuPerCommand.bare.toFixed(1)} | ${r.rssPeakMb.toFixed(0)} MB |`,
  );
}
