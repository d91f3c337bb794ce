import type { DateTime } from 'luxon';
import { houseKeep, type HousekeepingTally } from '../db/repositories/housekeeping.ts';
import { nextAvailable } from '../reminders/ledger.ts';
import { planRun, recordPlan } from '../reminders/plan-run.ts';
import { planManagerDigests, planUnknownNotes } from '../reminders/scheduled-plans.ts';
import { ReminderSender, type SenderDeps, type SendOptions, type SendTally } from '../reminders/send.ts';
import { takeAllSnapshots } from '../reminders/snapshots.ts';

/** What each job does, as plain functions of the time the job handler read from its clock. */
export interface ScheduledWork {
  /** Reminders and manager digests due by `now` into the ledger; `due`: something can be sent now. */
  plan(now: DateTime): Promise<{ readonly added: number; readonly due: boolean }>;
  /** Send what is due (the sender reads its own clock as it goes). */
  send(): Promise<SendTally>;
  /** The admins' weekly note, planned for every organisation with deliveries left unknown. */
  unknownNotes(now: DateTime): Promise<number>;
  /** Every organisation's compliance snapshot for the week holding `now`; how many organisations. */
  snapshots(now: DateTime): Promise<number>;
  houseKeep(now: DateTime): Promise<HousekeepingTally>;
}

/**
 * The real work on the database, sending through `deps.ports` (the running platform adapters')
 * with one sender per process, so its pacer sees every post this process makes.
 */
export function scheduledWork(deps: SenderDeps, sendOptions?: SendOptions): ScheduledWork {
  const sender = new ReminderSender(deps, sendOptions);
  const platforms = deps.ports.map((p) => p.platform);
  return {
    async plan(now) {
      const added = (await recordPlan(deps.db, await planRun(deps, now))) + (await planManagerDigests(deps.db, now));
      const next = platforms.length ? await nextAvailable(deps.db, platforms) : null;
      return { added, due: next !== null && next <= now };
    },
    send: () => sender.sendDue(),
    unknownNotes: (now) => planUnknownNotes(deps.db, now),
    snapshots: (now) => takeAllSnapshots(deps, now),
    houseKeep: (now) => houseKeep(deps.db, now),
  };
}
