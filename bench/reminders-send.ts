import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { singleWorkspaceClients } from '../adapters/slack/clients.ts';
import { slackOutbound } from '../adapters/slack/outbound.ts';
import { realSleep } from '../adapters/cli/ticking-clock.ts';
import { createDb, createPool, type Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { silentLogger } from '../src/log.ts';
import type { ClaimedDelivery } from '../src/reminders/ledger.ts';
import type { ReminderMessage } from '../src/reminders/messages.ts';
import { DEFAULT_SEND_OPTIONS, ReminderSender, type ComposeFn } from '../src/reminders/send.ts';
import { ANA_ROW } from '../test/builders/reminders.ts';
import { percentile } from './database.ts';
import { startPacedSlack } from './support/paced-slack.ts';

/** How the 5,000 deliveries are spread over conversations (a channel, or a person's DM). */
export interface Spread {
  readonly name: string;
  readonly workspaces: number;
  /** Channel digests, and the channels they go to (round robin). */
  readonly digests: number;
  readonly channels: number;
  /** DMs, and the people they go to (round robin). */
  readonly dms: number;
  readonly people: number;
}

export const SPREADS: readonly Spread[] = [
  // A morning's send time: one digest per subscribed channel, one DM per person with a gap.
  { name: 'one per conversation', workspaces: 50, digests: 500, channels: 500, dms: 4_500, people: 4_500 },
  // Crowded: 20 posts per conversation (a person with several certificates, channels with many digests).
  { name: '20 per conversation', workspaces: 50, digests: 500, channels: 25, dms: 4_500, people: 225 },
];

/** The words are not composed from standings here (a fixed DM or private digest): this times the ledger, pacing and HTTP. */
const benchCompose: ComposeFn = async (_deps, _org, deliveries: readonly ClaimedDelivery[]) =>
  deliveries.map((delivery) => ({ delivery, message: messageFor(delivery) }));

function messageFor(d: ClaimedDelivery): ReminderMessage {
  return d.kind === 'dm'
    ? { kind: 'reminder-dm', row: ANA_ROW, asOf: '2027-01-15', offsetDays: -30, snoozeDays: 3 }
    : { kind: 'reminder-digest', channelName: '#scribes', team: null, asOf: '2027-01-15', private: true, rows: [], people: d.plan.people.length };
}

/** Send 5,000 deliveries, all due at the same instant, to a stand-in Slack enforcing 1 post per second per channel. */
export async function benchSending(url: string, spread: Spread): Promise<void> {
  const db = createDb(createPool({ connectionString: url, max: 8 }));
  const slack = await startPacedSlack();
  try {
    await migrateToLatest(db);
    const due = DateTime.utc();
    await seedDeliveries(db, spread, due);
    const clock = { now: () => DateTime.utc() };
    const port = slackOutbound(singleWorkspaceClients('xoxb-bench', 'U0BOT', { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 15_000 }), null);
    const sender = new ReminderSender({ db, clock, log: silentLogger, ports: [port], compose: benchCompose, sleep: realSleep }, { ...DEFAULT_SEND_OPTIONS, batch: Number(process.env.BENCH_SEND_BATCH ?? DEFAULT_SEND_OPTIONS.batch), concurrency: Number(process.env.BENCH_SEND_CONCURRENCY ?? DEFAULT_SEND_OPTIONS.concurrency) });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const tally = await sender.drain(600_000);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const late = await sql<{ s: number }>`select extract(epoch from finished_at - due_at)::float8 as s from reminder_deliveries d join organisations o on o.id = d.organisation_id
      where o.platform = 'slack' and o.external_id like 'TSEND%' and d.status = 'sent' order by 1`.execute(db);
    const lateness = late.rows.map((r) => r.s);
    console.log(`| ${spread.name}: ${spread.dms.toLocaleString('en')} DMs to ${spread.people.toLocaleString('en')} people, ${spread.digests} digests to ${spread.channels} channels, ${spread.workspaces} workspaces | ${seconds.toFixed(1)} s | ${percentile(lateness, 50).toFixed(1)} / ${percentile(lateness, 99).toFixed(1)} / ${(lateness.at(-1) ?? 0).toFixed(1)} s | ${tally.sent} | ${slack.refused()} | ${tally.requeued} | ${((used.user + used.system) / 1000 / tally.sent).toFixed(2)} ms |`);
  } finally {
    await slack.close();
    await db.destroy();
  }
}

/** The spread's workspaces, channels, people and pending deliveries (earlier runs' deliveries removed). */
async function seedDeliveries(db: Db, spread: Spread, due: DateTime): Promise<void> {
  const orgs = sql`(select id from organisations where platform = 'slack' and external_id like 'TSEND%')`;
  await sql`delete from reminder_deliveries where organisation_id in ${orgs}`.execute(db);
  await sql`insert into organisations (platform, external_id, name, time_zone, created_at)
    select 'slack', 'TSEND' || i, 'Send ' || i, 'America/New_York', now() from generate_series(0, ${spread.workspaces - 1}::int) i on conflict do nothing`.execute(db);
  const org = (i: string) => sql.raw(`(select id from organisations where platform = 'slack' and external_id = 'TSEND' || (${i} % ${spread.workspaces}))`);
  await sql`insert into people (organisation_id, platform_user_id, display_name, role, created_at)
    select ${org('i')}, 'USEND' || i, 'Send ' || i, 'scribe', now() from generate_series(0, ${spread.people - 1}::int) i
    where not exists (select 1 from people p where p.platform_user_id = 'USEND' || i)`.execute(db);
  await sql`insert into reminder_targets (organisation_id, platform, address, name, subscription, created_at, updated_at)
    select ${org('i')}, 'slack', 'CSEND' || i, '#send-' || i, '{}'::jsonb, now(), now() from generate_series(0, ${spread.channels - 1}::int) i on conflict do nothing`.execute(db);
  const plan = JSON.stringify({ people: [] });
  // Every delivery due at `due`; the DMs first, cycling through the people (the sender claims by due time, then id).
  await sql`insert into reminder_deliveries (organisation_id, key, kind, platform, person_id, plan, due_at, status, available_at, planned_at)
    select p.organisation_id, 'bench-dm:' || i, 'dm', 'slack', p.id, ${plan}::jsonb, ${due.toJSDate()}, 'pending', ${due.toJSDate()}, now()
    from generate_series(0, ${spread.dms - 1}::int) i join people p on p.platform_user_id = 'USEND' || (i % ${spread.people}::int)`.execute(db);
  await sql`insert into reminder_deliveries (organisation_id, key, kind, platform, target_id, plan, due_at, status, available_at, planned_at)
    select t.organisation_id, 'bench-digest:' || i, 'channel-digest', 'slack', t.id, ${plan}::jsonb, ${due.toJSDate()}, 'pending', ${due.toJSDate()}, now()
    from generate_series(0, ${spread.digests - 1}::int) i join reminder_targets t on t.platform = 'slack' and t.address = 'CSEND' || (i % ${spread.channels}::int)`.execute(db);
  await sql`analyze reminder_deliveries`.execute(db);
}
