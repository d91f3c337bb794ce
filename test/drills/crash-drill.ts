import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { freePort, startServe, type ServeProcess } from '../support/serve-process.ts';
import { SlackSender } from '../support/slack/signed-request.ts';

/**
 * The crash drill: signed Slack events arrive at `recert serve` processes while database backends
 * are terminated and a process is killed with SIGKILL (and started again). Like Slack, the drill
 * resends whatever was not acknowledged. At the end every acknowledged delivery must have exactly
 * one effect (one draft opened in its thread) and at least one answer.
 */
export interface DrillOptions {
  /** Database settings for every process: DATABASE_URL, or RECERT_DATA_DIR (one process only). */
  readonly env: Record<string, string>;
  readonly processes: number;
  readonly events: number;
  readonly perSecond: number;
  /** Kill (SIGKILL) and restart a process after these many events were sent. */
  readonly killAfter: readonly number[];
  /** Called every `terminateEveryMs` while events arrive (e.g. pg_terminate_backend); null for none. */
  readonly terminate: (() => Promise<number>) | null;
  readonly terminateEveryMs: number;
  /** Drafts opened per thread anchor, read once the processes are done (or stopped). */
  readonly draftsByAnchor: () => Promise<Map<string, number>>;
  /**
   * Deliveries not yet finished in the inbox (0 when all are processed and answered); null to wait
   * instead until every acknowledged event has an answer at the fake Slack (the embedded database
   * cannot be read while its process runs).
   */
  readonly unfinished: (() => Promise<number>) | null;
  /** Read the counts only after the processes are stopped (the embedded database has one owner). */
  readonly countAfterStop: boolean;
  /** What the inbox says of a delivery (for the report of a failed drill). */
  readonly explain?: (eventId: string) => Promise<string>;
}

export interface DrillReport {
  readonly sent: number;
  readonly acknowledged: number;
  readonly resends: number;
  readonly kills: number;
  readonly terminatedBackends: number;
  readonly missingEffects: number;
  readonly doubledEffects: number;
  readonly unanswered: number;
  readonly duplicateAnswers: number;
  readonly seconds: number;
  /** For each event without exactly one effect: what the inbox says of it. */
  readonly problems: readonly string[];
}

const SECRET = 'drill-signing-secret';
const CHANNEL = 'D0DRILL';

interface Proc {
  serve: ServeProcess;
  sender: SlackSender;
}

export async function runCrashDrill(options: DrillOptions): Promise<DrillReport> {
  const started = performance.now();
  const fake = await startFakeSlackApi();
  const procs: Proc[] = [];
  try {
    for (let i = 0; i < options.processes; i += 1) procs.push(await startProc(fake, options.env));
    const sent = await sendAll(options, fake, procs);
    await waitForQuiet(options.unfinished ?? (async () => [...sent.acknowledged].filter((ts) => !answersByThread(fake).has(ts)).length));
    if (options.countAfterStop) for (const p of procs) await p.serve.stop();
    const drafts = await options.draftsByAnchor();
    const answers = answersByThread(fake);
    let missing = 0;
    let doubled = 0;
    let unanswered = 0;
    let duplicateAnswers = 0;
    const problems: string[] = [];
    for (const ts of sent.acknowledged) {
      const n = drafts.get(`slack:${CHANNEL}:${ts}`) ?? 0;
      if (n === 0) missing += 1;
      if (n > 1) doubled += 1;
      if (n !== 1 && options.explain) problems.push(`${ts}: ${n} drafts; ${await options.explain(`event:EvDrill${Number(ts.split('.')[1])}`)}`);
      const a = answers.get(ts) ?? 0;
      if (a === 0) unanswered += 1;
      if (a > 1) duplicateAnswers += 1;
    }
    return { sent: options.events, acknowledged: sent.acknowledged.size, resends: sent.resends, kills: sent.kills, terminatedBackends: sent.terminated, missingEffects: missing, doubledEffects: doubled, unanswered, duplicateAnswers, seconds: (performance.now() - started) / 1000, problems };
  } finally {
    await Promise.all(procs.map((p) => p.serve.stop().catch(() => null)));
    await fake.close();
  }
}

async function startProc(fake: FakeSlackApi, env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const serve = await startServe({ ...env, SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: 'xoxb-drill', SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'error' }, port);
  return { serve, sender: new SlackSender(port, SECRET) };
}

function event(i: number, ts: string) {
  return {
    token: 'legacy',
    team_id: 'T0DRILL',
    api_app_id: 'A0DRILL',
    type: 'event_callback',
    event_id: `EvDrill${i}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: 'T0DRILL', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event: { type: 'message', channel: CHANNEL, channel_type: 'im', user: `U0DRILL${i % 7}`, text: `log "Drill course ${i}" 45 min yesterday`, ts, event_ts: ts, client_msg_id: `drill-${i}`, team: 'T0DRILL' },
  };
}

async function sendAll(options: DrillOptions, fake: FakeSlackApi, procs: Proc[]): Promise<{ acknowledged: Set<string>; resends: number; kills: number; terminated: number }> {
  const acknowledged = new Set<string>();
  const pending: { i: number; ts: string }[] = [];
  let resends = 0;
  let kills = 0;
  let terminated = 0;
  let lastTerminate = performance.now();
  const gapMs = 1000 / options.perSecond;
  const deliver = async (i: number, ts: string) => {
    const proc = procs[i % procs.length];
    const ok = proc ? await proc.sender.event(event(i, ts)).then((r) => r.status === 200, () => false) : false;
    if (ok) acknowledged.add(ts);
    else pending.push({ i, ts });
  };
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < options.events; i += 1) {
    if (options.killAfter.includes(i)) {
      const victim = kills % procs.length;
      procs[victim]?.serve.child.kill('SIGKILL');
      kills += 1;
      await Promise.allSettled(inFlight.splice(0));
      procs[victim] = await startProc(fake, options.env);
    }
    if (options.terminate && performance.now() - lastTerminate > options.terminateEveryMs) {
      terminated += await options.terminate().catch(() => 0);
      lastTerminate = performance.now();
    }
    inFlight.push(deliver(i, `1800000000.${String(i).padStart(6, '0')}`));
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  await Promise.allSettled(inFlight);
  // Like Slack: what was not acknowledged is sent again, until it is.
  for (let round = 0; pending.length && round < 30; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = pending.splice(0);
    resends += again.length;
    await Promise.allSettled(again.map(({ i, ts }) => deliver(i, ts)));
  }
  return { acknowledged, resends, kills, terminated };
}

async function waitForQuiet(unfinished: () => Promise<number>): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if ((await unfinished().catch(() => 1)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Previews posted per thread (the event's ts), from the fake Slack's record of chat.postMessage: only
 * a post naming the thread's own course counts, not the welcome of a first contact nor the note of
 * other previews still waiting that a person's later messages get in their threads.
 */
function answersByThread(fake: FakeSlackApi): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of fake.callsTo('chat.postMessage')) {
    const ts = typeof call.body.thread_ts === 'string' ? call.body.thread_ts : null;
    if (!ts) continue;
    const course = new RegExp(`Drill course ${Number(ts.split('.')[1])}(?!\\d)`, 'i');
    if (course.test(JSON.stringify(call.body))) counts.set(ts, (counts.get(ts) ?? 0) + 1);
  }
  return counts;
}
