import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { JobQueue } from './queue.ts';
import type { ScheduledWork } from './work.ts';

/** The queues, by name (pg-boss names: letters, digits, `-`). */
export const JOBS = {
  plan: 'reminders-plan',
  send: 'reminders-send',
  snapshots: 'compliance-snapshots',
  unknownNotes: 'deliveries-unknown-note',
  housekeeping: 'housekeeping',
} as const;

/** When each periodic job runs (cron, UTC). */
export const SCHEDULES: readonly { readonly name: string; readonly cron: string }[] = [
  // Every minute: reminders and manager digests due by now go into the ledger, then send jobs.
  { name: JOBS.plan, cron: '* * * * *' },
  // Daily, just after midnight UTC: each organisation's snapshot of the week (the latest of the week wins).
  { name: JOBS.snapshots, cron: '10 0 * * *' },
  // Mondays 13:00 UTC (morning in the Americas, afternoon in Europe): the admins' note on unknown deliveries.
  { name: JOBS.unknownNotes, cron: '0 13 * * 1' },
  // Daily at 03:20 UTC: replay guards past Slack's retry window, abandoned drafts.
  { name: JOBS.housekeeping, cron: '20 3 * * *' },
];

/** Send jobs queued when something is due: one per process that is free takes one, and they share the rows. */
export const SEND_FAN_OUT = 3;

/**
 * Register the workers and the schedules on `queue`. Every handler reads the time once from the
 * injected clock and passes it on; the queue decides when and where a job runs.
 */
export async function startScheduler(queue: JobQueue, work: ScheduledWork, clock: Clock, log: Logger): Promise<void> {
  const fanOut = async () => {
    for (let slot = 0; slot < SEND_FAN_OUT; slot += 1) await queue.send(JOBS.send, `slot-${slot}`);
  };
  await queue.work(JOBS.send, async () => {
    const tally = await work.send();
    if (Object.values(tally).some((n) => n > 0)) log.info('reminders sent', { ...tally });
  });
  await queue.work(JOBS.plan, async () => {
    const planned = await work.plan(clock.now());
    if (planned.added > 0) log.info('reminders planned', { added: planned.added });
    if (planned.due) await fanOut();
  });
  await queue.work(JOBS.unknownNotes, async () => {
    const added = await work.unknownNotes(clock.now());
    if (added === 0) return;
    log.info('unknown deliveries note planned', { admins: added });
    await fanOut();
  });
  await queue.work(JOBS.snapshots, async () => log.info('compliance snapshots taken', { organisations: await work.snapshots(clock.now()) }));
  await queue.work(JOBS.housekeeping, async () => log.info('housekeeping done', { ...(await work.houseKeep(clock.now())) }));
  for (const { name, cron } of SCHEDULES) await queue.schedule(name, cron);
  // A start (after downtime, a deploy) plans at once instead of at the next minute: catch-up is sent once, merged.
  await queue.send(JOBS.plan, 'start');
}
