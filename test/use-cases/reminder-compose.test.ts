import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/converse.ts';
import type { Actor } from '../../src/domain/people.ts';
import { composeDeliveriesUnknown, composeDue, composeManagerDigest, takeComplianceSnapshot } from '../../src/reminders/compose.ts';
import type { PlannedDelivery } from '../../src/reminders/plan.ts';
import type { ReminderChannel } from '../../src/use-cases/reminders/channel-view.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { snoozeReminders } from '../../src/use-cases/reminders/snooze.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { QueryCounter } from '../fakes/query-counter.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const CHANNEL: ReminderChannel = { platform: 'test', address: 'C0SCRIBES', name: '#scribes' };
const NOW = DateTime.fromISO('2026-12-16T14:00:00Z', { zone: 'utc' });

describe('composing reminders at send time', () => {
  let deps: TestDeps;
  let admin: Actor;
  let people: Actor[];
  let targetId: string;

  const dmFor = (who: Actor, expiresOn: string): PlannedDelivery => ({ key: `dm:${who.personId}`, kind: 'dm', target: { personId: who.personId }, dueAt: NOW, people: [{ personId: who.personId, credentialId: 'c', step: 'before-30', expiresOn }] });
  const digestFor = (who: readonly Actor[], expiresOn: string): PlannedDelivery => ({ key: 'digest', kind: 'channel-digest', target: { targetId }, dueAt: NOW, people: who.map((p) => ({ personId: p.personId, credentialId: 'c', step: 'before-30', expiresOn })) });

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-12-01T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    people = [];
    // Everyone's certificate expires on 2027-01-15 and is short of credit: 30 days before is Dec 16.
    for (const name of ['Ana', 'Ben', 'Carla', 'Dev', 'Eve']) {
      const who = await org.join(name);
      await saveCredential(deps, who, { number: `CMSS-${name}`, issuedOn: '2026-01-15' });
      people.push(who);
    }
    await converse(deps, admin, 'remind here 30 at 9:00', { channel: CHANNEL });
    const rows = await sql<{ id: string }>`select id from reminder_targets where organisation_id = ${admin.organisationId}`.execute(database.current.db.withoutPlugins());
    targetId = rows.rows[0]?.id ?? '';
  });

  it('DMs each person their own gap and digests the channel, most urgent first, in the report words', async () => {
    const [ana] = people as [Actor];
    const composed = await composeDue(deps, admin.organisationId, [dmFor(ana, '2027-01-15'), digestFor(people, '2027-01-15')], NOW);
    expect(composed[0]?.message).toMatchObject({ kind: 'reminder-dm', asOf: '2026-12-16', offsetDays: -30, row: { displayName: 'Ana', state: 'at_risk', certificate: { daysLeft: 30 } } });
    const digest = composed[1]?.message;
    expect(digest).toMatchObject({ kind: 'reminder-digest', channelName: '#scribes', private: false, people: 5, asOf: '2026-12-16' });
    expect(digest?.kind === 'reminder-digest' && digest.rows.map((r) => r.displayName)).toEqual(['Ana', 'Ben', 'Carla', 'Dev', 'Eve']);
  });

  it('silences itself: a person who renewed or snoozed gets nothing; a digest with nobody left is skipped', async () => {
    const [ana, , carla] = people as [Actor, Actor, Actor];
    await saveCredential(deps, ana, { number: 'CMSS-Ana2', issuedOn: '2026-11-30' });
    await snoozeReminders(deps, carla, { days: 3 });
    const composed = await composeDue(deps, admin.organisationId, [dmFor(ana, '2027-01-15'), dmFor(carla, '2027-01-15'), digestFor([ana], '2027-01-15')], DateTime.fromISO('2026-12-03T14:00:00Z', { zone: 'utc' }));
    expect(composed.map((c) => (c.message ? c.message.kind : c.skipped))).toEqual(['nobody-left', 'nobody-left', 'nobody-left']);
    const later = await composeDue(deps, admin.organisationId, [dmFor(carla, '2027-01-15')], NOW);
    expect(later[0]?.message?.kind).toBe('reminder-dm');
  });

  it('puts no name in a private channel, only the count', async () => {
    await converse(deps, admin, 'remind here private', { channel: CHANNEL });
    const [composed] = await composeDue(deps, admin.organisationId, [digestFor(people, '2027-01-15')], NOW);
    expect(composed?.message).toMatchObject({ kind: 'reminder-digest', private: true, rows: [], people: 5 });
    expect(JSON.stringify(composed?.message)).not.toMatch(/Ana|Ben|Carla|Dev|Eve/);
  });

  it('reads the state of a whole run in a fixed number of queries, however many people', async () => {
    const counter = new QueryCounter();
    const counted = { ...deps, db: database.current.db.withPlugin(counter) };
    await composeDue(counted, admin.organisationId, [digestFor(people.slice(0, 1), '2027-01-15')], NOW);
    const few = counter.kinds.length;
    counter.reset();
    await composeDue(counted, admin.organisationId, [...people.map((p) => dmFor(p, '2027-01-15')), digestFor(people, '2027-01-15')], NOW);
    expect(counter.kinds.length).toBeLessThanOrEqual(few);
  });

  it("composes a manager's weekly digest with the snapshots, and the admins' note of unknown posts", async () => {
    const [ana] = people as [Actor];
    await snoozeReminders(deps, ana, { days: 3 });
    expect(await takeComplianceSnapshot(deps, admin.organisationId, '2026-12-02')).toEqual({ weekStart: '2026-11-30', compliant: 0, atRisk: 5, outOfCompliance: 1 });
    const digest = await composeManagerDigest(deps, admin.organisationId, admin.personId, DateTime.fromISO('2026-12-02T13:00:00Z', { zone: 'utc' }));
    expect(digest).toMatchObject({ kind: 'manager-digest', asOf: '2026-12-02', counts: { total: 6, atRisk: 5, outOfCompliance: 1 }, listed: 6, weeks: [{ weekStart: '2026-11-30', atRisk: 5 }] });
    expect(digest?.rows.find((r) => r.displayName === 'Ana')?.snoozedUntil).toBe('2026-12-04');
    expect(await composeManagerDigest(deps, admin.organisationId, ana.personId, NOW)).toBeNull();
    expect(await composeDeliveriesUnknown(deps, admin.organisationId)).toBeNull();
    await sql`insert into reminder_deliveries (organisation_id, key, kind, platform, target_id, plan, due_at, status, available_at, last_error, planned_at)
      values (${admin.organisationId}, 'k1', 'channel-digest', 'test', ${targetId}, '{}', '2026-11-30T14:00:00Z', 'unknown', now(), 'socket hang up', now())`.execute(database.current.db.withoutPlugins());
    expect(await composeDeliveriesUnknown(deps, admin.organisationId)).toEqual({ kind: 'deliveries-unknown', deliveries: [{ target: '#scribes', what: 'channel-digest', dueAt: '2026-11-30T09:00:00.000-05:00', error: 'socket hang up' }] });
  });
});
