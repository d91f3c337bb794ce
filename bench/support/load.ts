import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface LoadOptions {
  /** Commands go to these ports in turn (processes behind a load balancer). */
  readonly port: number | readonly number[];
  readonly secret: string;
  readonly perSecond: number;
  readonly seconds: number;
  /** A response_url for command `i` (the sink's). */
  readonly responseUrl: (i: number) => string;
  readonly text: (i: number) => string;
  readonly users: number;
}

export interface LoadResult {
  readonly sent: number;
  /** Acknowledgement latency (ms) of each command answered 200, in sending order. */
  readonly acks: number[];
  /** When each command was sent (performance.now()), by index. */
  readonly sentAt: number[];
  readonly failed: number;
  /** Answered 200 with a text instead of storing the command ("I couldn't save that…"): not acknowledged work. */
  readonly toldNotSaved: number;
  readonly within3s: number;
}

/**
 * Signed `/ceu` commands at a steady rate, as Slack sends them, each timed from the request to its
 * HTTP 200. The schedule does not wait for answers: a slow server faces the same arrival rate.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(options.perSecond * options.seconds);
  const gap = 1000 / options.perSecond;
  const acks: number[] = [];
  const sentAt: number[] = new Array<number>(total);
  let failed = 0;
  let toldNotSaved = 0;
  let within3s = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + i * gap;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    sentAt[i] = performance.now();
    inFlight.push(
      send(agent, options, i).then(
        ({ status, body }) => {
          const ms = performance.now() - (sentAt[i] ?? 0);
          if (status === 200 && body !== '') toldNotSaved += 1;
          else if (status === 200) {
            acks.push(ms);
            if (ms <= 3000) within3s += 1;
          } else failed += 1;
        },
        () => void (failed += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { sent: total, acks, sentAt, failed, toldNotSaved, within3s };
}

function send(agent: Agent, options: LoadOptions, i: number): Promise<{ status: number; body: string }> {
  const fields = {
    command: '/ceu',
    text: options.text(i),
    team_id: 'T0BENCH',
    user_id: `U0BENCH${i % options.users}`,
    channel_id: 'C0BENCH',
    api_app_id: 'A0BENCH',
    trigger_id: `bench.${process.pid}.${Date.now()}.${i}`,
    response_url: options.responseUrl(i),
  };
  const body = new URLSearchParams(fields).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const ports = typeof options.port === 'number' ? [options.port] : options.port;
    const req = request(
      { agent, host: '127.0.0.1', port: ports[i % ports.length], path: '/slack/events', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature } },
      (res) => {
        let answer = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: answer }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
