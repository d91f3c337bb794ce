import type { DateTime } from 'luxon';
import type { ComplianceState } from '../domain/compliance-types.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { ChannelSubscription, ReminderPolicy } from './policy.ts';
import { dueStep, stepsOf } from './steps.ts';

/** A person whose certificate may be due a nudge, as the planner sees them. */
export interface PlannablePerson {
  readonly personId: string;
  readonly zone: string;
  readonly teamIds: readonly string[];
  readonly credentialId: string;
  readonly expiresOn: IsoDate;
  /** Their state now: compliant people are not nudged (checked again when the nudge is sent). */
  readonly state: ComplianceState;
  /** Snoozed until this day (inclusive), in their zone; null when not snoozed. */
  readonly snoozedUntil: IsoDate | null;
}

export interface ChannelTarget {
  readonly targetId: string;
  readonly subscription: ChannelSubscription;
  /** The zone the channel's times are read in (its own, else the organisation's). */
  readonly zone: string;
}

/** A nudge to send: at most one per key, however often or by however many processes it is planned. */
export interface PlannedDelivery {
  /** Unique across runs and processes: the target, the certificate (or digest), the cycle, the step. */
  readonly key: string;
  readonly kind: 'dm' | 'channel-digest';
  /** The person (DM) or the channel target (digest). */
  readonly target: { readonly personId: string } | { readonly targetId: string };
  readonly dueAt: DateTime;
  readonly people: readonly { readonly personId: string; readonly credentialId: string; readonly step: string; readonly expiresOn: IsoDate }[];
}

export interface PlanInput {
  /** Steps due after this instant (planning covered everything before) and not after `now` are planned. */
  readonly since: DateTime;
  readonly now: DateTime;
  readonly people: readonly PlannablePerson[];
  /** The organisation's policy for DMs; null when DMs are off. */
  readonly dmPolicy: ReminderPolicy | null;
  readonly channels: readonly ChannelTarget[];
}

/**
 * What to send for steps that came due in (since, now]: a DM per person with a gap, and one digest
 * per channel — never one message per person in a channel. A pure function of policies, people and
 * the clock; the ledger's unique keys make planning twice harmless.
 */
export function planReminders(input: PlanInput): PlannedDelivery[] {
  const nudgeable = input.people.filter((p) => p.state !== 'compliant');
  const window = windowOf(input);
  const dms = input.dmPolicy ? nudgeable.flatMap((p) => dmFor(input, window, p, input.dmPolicy as ReminderPolicy)) : [];
  return [...dms, ...input.channels.flatMap((c) => digestFor(input, window, c, nudgeable))];
}

type Window = { readonly from: IsoDate; readonly to: IsoDate };

/** The local days the run can reach, in any zone: a day either side of the UTC window. */
function windowOf(input: PlanInput): Window {
  return { from: input.since.minus({ days: 1 }).toISODate() ?? '', to: input.now.plus({ days: 1 }).toISODate() ?? '' };
}

function dmFor(input: PlanInput, window: Window, person: PlannablePerson, policy: ReminderPolicy): PlannedDelivery[] {
  const step = dueStep(stepsOf(policy, person.expiresOn, policy.zone ?? person.zone, window), input.since, input.now);
  if (!step || (person.snoozedUntil !== null && step.localDate <= person.snoozedUntil)) return [];
  return [{ key: `dm:${person.personId}:${person.credentialId}:${step.step}`, kind: 'dm', target: { personId: person.personId }, dueAt: step.dueAt, people: [{ personId: person.personId, credentialId: person.credentialId, step: step.step, expiresOn: person.expiresOn }] }];
}

/** One digest for the channel: everyone in its scope with a step due, under the latest due time among them. */
function digestFor(input: PlanInput, window: Window, channel: ChannelTarget, people: readonly PlannablePerson[]): PlannedDelivery[] {
  const teamId = channel.subscription.teamId;
  const due = people
    .filter((p) => teamId === null || p.teamIds.includes(teamId))
    .flatMap((p) => {
      const step = dueStep(stepsOf(channel.subscription, p.expiresOn, channel.zone, window), input.since, input.now);
      return step ? [{ person: p, step }] : [];
    });
  if (due.length === 0) return [];
  const latest = due.reduce((a, b) => (b.step.dueAt > a.step.dueAt ? b : a));
  return [
    {
      key: `digest:${channel.targetId}:${latest.step.localDate}`,
      kind: 'channel-digest',
      target: { targetId: channel.targetId },
      dueAt: latest.step.dueAt,
      people: due.map(({ person, step }) => ({ personId: person.personId, credentialId: person.credentialId, step: step.step, expiresOn: person.expiresOn })),
    },
  ];
}
