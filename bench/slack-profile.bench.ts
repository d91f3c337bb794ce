/**
 * Where `recert serve`'s CPU goes per command: one process on PostgreSQL (DATABASE_URL) under
 * node's `--cpu-prof`, signed `/ceu` commands at a steady rate, every follow-up awaited; then the
 * profile's self time summed by function and by package/source file, and the CPU per command
 * beside a bare Bolt app's acknowledging the same commands in the same run.
 *   DATABASE_URL=… npm run bench:profile [-- --rate 100 --seconds 10 --top 30 --keep out.cpuprofile]
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startServe } from '../test/support/serve-process.ts';
import { runLoad } from './support/load.ts';
import { cpuMs, freshDatabase, postgresCpuMs, SECRET, startBareBolt } from './support/processes.ts';
import { summariseProfile, type CpuProfile } from './support/profile.ts';
import { startSink, type Sink } from './support/sink.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback);
const rate = Number(option('rate', '100'));
const seconds = Number(option('seconds', '10'));
const top = Number(option('top', '30'));
const keep = option('keep', '');
if (!process.env.DATABASE_URL) throw new Error('bench:profile runs on PostgreSQL: set DATABASE_URL');

const texts = (i: number) => (i % 2 ? 'status' : `log "Profile course ${i}" 45 min yesterday`);

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 200));
}

function arrived(sink: Sink, prefix: string): number {
  let n = 0;
  for (const id of sink.followUps.keys()) if (id.startsWith(prefix)) n += 1;
  return n;
}

interface Profiled {
  readonly cpuPerCommand: number;
  /** The database server's backends (this run's database), and the load generator with the fake Slack (this process). */
  readonly postgresPerCommand: number;
  readonly driverPerCommand: number;
  readonly profile: CpuProfile;
  readonly windowMs: number;
  readonly done: number;
  readonly sent: number;
}

async function profileRecert(sink: Sink): Promise<Profiled> {
  const database = await freshDatabase('profile');
  const dir = await mkdtemp(path.join(tmpdir(), 'recert-profile-'));
  const port = await freePort();
  const env = { ...database.env, SLACK_API_URL: sink.apiUrl, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'error' };
  const serve = await startServe(env, port, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  try {
    await runLoad({ port, secret: SECRET, perSecond: 10, seconds: 1, responseUrl: (i) => sink.responseUrl(`profile-warm-${i}`), text: texts, users: 200 });
    const prefix = `profile-${Date.now()}-`;
    const before = cpuMs(serve.child.pid);
    const postgresBefore = await postgresCpuMs(database.databaseName);
    const driverBefore = process.cpuUsage();
    const loadStarted = performance.now();
    const load = await runLoad({ port, secret: SECRET, perSecond: rate, seconds, responseUrl: (i) => sink.responseUrl(`${prefix}${i}`), text: texts, users: 200 });
    await until(() => arrived(sink, prefix) >= load.acks.length, 180_000);
    const cpuPerCommand = (cpuMs(serve.child.pid) - before) / load.sent;
    const postgresPerCommand = ((await postgresCpuMs(database.databaseName)) - postgresBefore) / load.sent;
    const driver = process.cpuUsage(driverBefore);
    const driverPerCommand = (driver.user + driver.system) / 1000 / load.sent;
    const done = arrived(sink, prefix);
    const windowMs = performance.now() - loadStarted;
    await serve.stop();
    if (done < load.sent) console.error(`only ${done} of ${load.sent} follow-ups; the process said:\n${serve.output().slice(-3000)}`);
    const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written to ${dir}`);
    const text = await readFile(path.join(dir, file), 'utf8');
    if (keep) await writeFile(keep, text);
    return { cpuPerCommand, postgresPerCommand, driverPerCommand, profile: JSON.parse(text) as CpuProfile, windowMs, done, sent: load.sent };
  } finally {
    await serve.stop().catch(() => null);
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function bareCpu(sink: Sink): Promise<number> {
  const bare = await startBareBolt();
  await runLoad({ port: bare.port, secret: SECRET, perSecond: 10, seconds: 1, responseUrl: (i) => sink.responseUrl(`bare-warm-${i}`), text: texts, users: 200 });
  const before = cpuMs(bare.child.pid);
  const load = await runLoad({ port: bare.port, secret: SECRET, perSecond: rate, seconds, responseUrl: (i) => sink.responseUrl(`bare-profile-${i}`), text: texts, users: 200 });
  const perCommand = (cpuMs(bare.child.pid) - before) / load.sent;
  await bare.stop();
  return perCommand;
}

const sink = await startSink();
const recert = await profileRecert(sink);
const bare = await bareCpu(sink);
await sink.close();
const summary = summariseProfile(recert.profile, top, recert.windowMs);
console.log(`Node ${process.version}, PostgreSQL 15, ${rate} commands/s for ${seconds} s; follow-ups ${recert.done} of ${recert.sent}`);
console.log(`CPU per command (ms, whole process incl. the work behind the ack; with the profiler on): Recert ${recert.cpuPerCommand.toFixed(2)} / bare Bolt ${bare.toFixed(2)}`);
console.log(`Beside Recert's, per command: PostgreSQL's backends ${recert.postgresPerCommand.toFixed(2)} ms, the load generator and fake Slack ${recert.driverPerCommand.toFixed(2)} ms; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
console.log(`\nSelf time during the load by package or source file (% of ${summary.totalMs.toFixed(0)} ms busy, ${(summary.totalMs / recert.sent).toFixed(2)} ms per command):`);
for (const row of summary.byFile) console.log(`${row.percent.toFixed(1).padStart(5)}%  ${row.name}`);
console.log('\nSelf time by function:');
for (const row of summary.byFunction) console.log(`${row.percent.toFixed(1).padStart(5)}%  ${row.name}`);
console.log('\nTotal time (with what they call) of our own functions:');
for (const row of summary.ours) console.log(`${row.percent.toFixed(1).padStart(5)}%  ${row.name}`);
