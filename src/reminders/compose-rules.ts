import { byUrgency, type ReportRow } from '../domain/report.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { DigestRow, ReminderMessage } from './messages.ts';
import type { PlannedDelivery } from './plan.ts';
import type { ChannelSubscription } from './policy.ts';

/**
 * The rules that turn a planned nudge into the message sent at its time, from the state read again
 * then (pure: the loader in compose.ts reads that state for the whole run in a few queries).
 */

/** What a DM's snooze button offers (days). */
export const DM_SNOOZE_DAYS = 3;

/** A person as they stand at send time. */
export interface PersonNow {
  readonly row: ReportRow;
  /** Their local day now. */
  readonly today: IsoDate;
  /** Their latest snooze day (inclusive), if any. */
  readonly snoozedUntil: IsoDate | null;
}

export interface TargetNow {
  readonly name: string;
  readonly active: boolean;
  readonly subscription: ChannelSubscription;
  /** The team's name when the subscription is limited to one. */
  readonly team: string | null;
  /** The channel's local day now. */
  readonly today: IsoDate;
}

export interface SendState {
  readonly people: ReadonlyMap<string, PersonNow>;
  readonly targets: ReadonlyMap<string, TargetNow>;
  /** Whether the organisation still sends DMs. */
  readonly dms: boolean;
}

/** Why a planned nudge is not sent after all: the engine marks it `skipped` with this reason. */
export type SkipReason = 'nobody-left' | 'target-off' | 'dms-off';

export type Composed =
  | { readonly delivery: PlannedDelivery; readonly message: ReminderMessage }
  | { readonly delivery: PlannedDelivery; readonly message: null; readonly skipped: SkipReason };

type Planned = PlannedDelivery['people'][number];

/**
 * Whether the person still needs this nudge: still on the roster, not compliant now, and holding
 * the very certificate it was planned for (a renewal or a correction moves the expiry: the old
 * nudge is dropped, the next planning run plans the new certificate's).
 */
export function stillDue(person: PersonNow | undefined, planned: Planned): person is PersonNow {
  if (!person || person.row.state === 'compliant') return false;
  return person.row.certificate?.expiresOn === planned.expiresOn;
}

export function isSnoozed(person: PersonNow): boolean {
  return person.snoozedUntil !== null && person.snoozedUntil >= person.today;
}

/** `before-30` → -30, `after-2` → 14 (days from expiry). */
export function offsetOf(step: string): number {
  const [side, n] = step.split('-');
  const days = Number(n ?? 0);
  return side === 'after' ? 7 * days : -days;
}

export function digestRow(person: PersonNow): DigestRow {
  return { ...person.row, snoozedUntil: isSnoozed(person) ? person.snoozedUntil : null };
}

export function composeOne(state: SendState, delivery: PlannedDelivery): Composed {
  return delivery.kind === 'dm' ? composeDm(state, delivery) : composeDigest(state, delivery);
}

/** The person's own gap, unless they are compliant now, renewed, snoozed, or DMs were turned off. */
function composeDm(state: SendState, delivery: PlannedDelivery): Composed {
  if (!state.dms) return { delivery, message: null, skipped: 'dms-off' };
  const planned = delivery.people[0];
  const person = planned && state.people.get(planned.personId);
  if (!planned || !stillDue(person, planned) || isSnoozed(person)) return { delivery, message: null, skipped: 'nobody-left' };
  return { delivery, message: { kind: 'reminder-dm', row: person.row, asOf: person.today, offsetDays: offsetOf(planned.step), snoozeDays: DM_SNOOZE_DAYS } };
}

/**
 * One message for the channel: the people still due, most urgent first, in the report's words (a
 * snoozed person stays listed, marked); private mode keeps the count and drops the names.
 */
function composeDigest(state: SendState, delivery: PlannedDelivery): Composed {
  const targetId = 'targetId' in delivery.target ? delivery.target.targetId : '';
  const target = state.targets.get(targetId);
  if (!target?.active) return { delivery, message: null, skipped: 'target-off' };
  // Someone who left the channel's team since planning is not listed there any more.
  const inScope = (person: PersonNow) => target.subscription.teamId === null || (target.team !== null && person.row.teams.includes(target.team));
  const rows = delivery.people.flatMap((p) => {
    const person = state.people.get(p.personId);
    return stillDue(person, p) && inScope(person) ? [digestRow(person)] : [];
  });
  const unique = rows.filter((r, i) => rows.findIndex((o) => o.personId === r.personId) === i).sort(byUrgency);
  if (unique.length === 0) return { delivery, message: null, skipped: 'nobody-left' };
  const priv = target.subscription.private;
  return { delivery, message: { kind: 'reminder-digest', channelName: target.name, team: target.team, asOf: target.today, private: priv, rows: priv ? [] : unique, people: unique.length } };
}
