import type { DateTime } from 'luxon';
import { localDate } from '../domain/dates.ts';
import { byUrgency, rowOf, type ReportRow } from '../domain/report.ts';
import { summarise } from '../domain/standing-summary.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { ledgersOf } from '../use-cases/ledgers.ts';
import type { ClaimedDelivery } from './ledger.ts';
import type { ReminderMessage } from './messages.ts';
import { channelSubscriptionSchema } from './policy.ts';
import type { ComposeFn } from './send.ts';

/**
 * PLACEHOLDER until the reminders' composition (issue 8, messages and re-checks) is merged: the
 * smallest composer behind the engine's `ComposeFn`. It re-reads each person's ledger and drops
 * whoever is compliant now or renewed since planning; the words are present/reminders.ts's.
 */
export const placeholderCompose: ComposeFn = async (deps, organisationId, deliveries, now) => {
  const personIds = [...new Set(deliveries.flatMap((d) => d.plan.people.map((p) => p.personId)))];
  const rows = await rowsOf(deps, organisationId, personIds, now);
  const targets = await targetsOf(deps, organisationId, deliveries);
  return deliveries.flatMap((delivery) => {
    const live = delivery.plan.people.flatMap((p) => {
      const row = rows.get(p.personId);
      return row && row.state !== 'compliant' && row.certificate?.expiresOn === p.expiresOn ? [{ row, step: p.step }] : [];
    });
    const first = live[0];
    if (!first) return [];
    const message = delivery.kind === 'dm' ? dm(first.row, first.step, now) : digest(targets.get(delivery.targetId ?? ''), live.map((l) => l.row), now);
    return message ? [{ delivery, message }] : [];
  });
};

function dm(row: ReportRow, step: string, now: DateTime): ReminderMessage {
  const [side, n] = step.split('-');
  const offsetDays = side === 'after' ? 7 * Number(n) : -Number(n);
  return { kind: 'reminder-dm', row, asOf: localDate(now, 'UTC'), offsetDays, snoozeDays: 3 };
}

function digest(target: { name: string; zone: string; private: boolean } | undefined, rows: ReportRow[], now: DateTime): ReminderMessage | null {
  if (!target) return null;
  const sorted = [...rows].sort(byUrgency).map((r) => ({ ...r, snoozedUntil: null }));
  return { kind: 'reminder-digest', channelName: target.name, team: null, asOf: localDate(now, target.zone), private: target.private, rows: target.private ? [] : sorted, people: sorted.length };
}

async function rowsOf(deps: CoreDeps, organisationId: string, personIds: readonly string[], now: DateTime): Promise<Map<string, ReportRow>> {
  if (personIds.length === 0) return new Map();
  const people = await deps.db
    .selectFrom('people')
    .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
    .select(['people.id', 'people.platform_user_id', 'people.display_name', 'people.time_zone', 'organisations.time_zone as org_zone'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.id', 'in', [...personIds])
    .execute();
  const ledgers = await ledgersOf(deps.db, organisationId, personIds);
  const out = new Map<string, ReportRow>();
  for (const p of people) {
    const ledger = ledgers.get(p.id);
    if (ledger) out.set(p.id, rowOf({ personId: p.id, platformUserId: p.platform_user_id, displayName: p.display_name, teams: [] }, summarise(ledger.ledger), localDate(now, p.time_zone ?? p.org_zone)));
  }
  return out;
}

async function targetsOf(deps: CoreDeps, organisationId: string, deliveries: readonly ClaimedDelivery[]): Promise<Map<string, { name: string; zone: string; private: boolean }>> {
  const ids = [...new Set(deliveries.flatMap((d) => (d.targetId ? [d.targetId] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await deps.db.selectFrom('reminder_targets').select(['id', 'name', 'subscription']).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => {
    const sub = channelSubscriptionSchema.safeParse(r.subscription).data;
    return [r.id, { name: r.name, zone: sub?.zone ?? 'UTC', private: sub?.private ?? false }];
  }));
}
