import { addDays } from '../../domain/dates.ts';
import type { Actor } from '../../domain/people.ts';
import { insertSnooze } from '../../db/repositories/reminder-snoozes.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Reply } from '../../replies.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf, recordChange, todayFor } from '../shared.ts';

/** The longest snooze (days): a person cannot silence their reminders for good from a button. */
export const MAX_SNOOZE_DAYS = 14;

/**
 * A DM's "Snooze 3 days": no nudge to the person through the next `days` local days (their zone);
 * recorded (managers see "snoozed until …") and audited. Anyone may snooze their own reminders; a
 * second press the same day changes nothing but is harmless (the latest day counts).
 */
export async function snoozeReminders(deps: CoreDeps, actor: Actor, input: { readonly days: number }): Promise<Reply> {
  const days = Math.min(Math.max(1, Math.floor(input.days)), MAX_SNOOZE_DAYS);
  const until = addDays(todayFor(deps, actor), days);
  return inTransaction(deps.db, async (trx) => {
    await insertSnooze(trx, actor.organisationId, actor.personId, until, nowOf(deps));
    await recordChange(trx, deps, actor, { action: 'reminders.snoozed', entity: 'person', entityId: actor.personId, after: { until, days } });
    return { kind: 'snoozed', until, days };
  });
}
