/**
 * How fast the Slack adapter acknowledges a slash command (Slack allows 3 s; we aim far below 1 s),
 * measured from the signed POST to its HTTP 200, with the Web API answered locally by nock.
 * `npm run bench:slack` (embedded) or `DATABASE_URL=… npm run bench:slack`.
 */
import nock from 'nock';
import { DateTime } from 'luxon';
import { startSlack } from '../adapters/slack/app.ts';
import { silentLogger } from '../src/log.ts';
import { SlackSender } from '../test/support/slack/signed-request.ts';
import { benchDatabase, percentile } from './database.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const SECRET = 'bench-secret';
const database = await benchDatabase();
nock.disableNetConnect();
nock.enableNetConnect('127.0.0.1');
nock('https://slack.com').persist().post(/.*/).reply(200, { ok: true, user: { id: 'U1', tz: 'America/New_York', real_name: 'Bench' } });
nock('https://hooks.slack.com').persist().post(/.*/).reply(200, 'ok');
const clock = { now: () => DateTime.utc() };
const running = await startSlack(
  { config: { signingSecret: SECRET, botToken: 'xoxb-bench', appToken: null, oauth: null, apiUrl: null }, core: { db: database.db, clock, log: silentLogger }, log: silentLogger, newReference: () => 'r', botIdentity: { botId: 'B1', botUserId: 'U0' } },
  0,
  '127.0.0.1',
);
const slack = new SlackSender(running.port ?? 0, SECRET);
const samples: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  const fields = { command: '/ceu', text: i % 2 ? 'status' : `log "Bench ${i}" 45 min yesterday`, team_id: 'T1', user_id: `U${i % 10}`, channel_id: 'C1', trigger_id: `t${i}-${Date.now()}`, response_url: `https://hooks.slack.com/commands/T1/${i}/x`, api_app_id: 'A1' };
  const start = performance.now();
  const response = await slack.command(fields);
  samples.push(performance.now() - start);
  if (response.status !== 200) throw new Error(`ack failed: ${response.status}`);
  await new Promise((resolve) => setTimeout(resolve, 5));
}
samples.sort((a, b) => a - b);
console.log(`Node ${process.version}, ${database.label}, ${ROUNDS} signed /ceu commands (log and status alternating)`);
console.log(`| ack latency | p50 ${percentile(samples, 50).toFixed(1)} ms | p99 ${percentile(samples, 99).toFixed(1)} ms | max ${(samples.at(-1) ?? 0).toFixed(1)} ms |`);
await new Promise((resolve) => setTimeout(resolve, 500));
await running.stop();
await database.close();
nock.restore();
