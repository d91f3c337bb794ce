import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/converse.ts';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import type { ReminderChannel } from '../../src/use-cases/reminders/channel-view.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind } from './helpers.ts';

const database = useTestDatabase();
const CHANNEL: ReminderChannel = { platform: 'test', address: 'C0SCRIBES', name: '#scribes' };

async function say(deps: TestDeps, actor: Actor, text: string, channel: ReminderChannel | null = CHANNEL): Promise<Reply> {
  const replies = await converse(deps, actor, text, channel ? { channel } : {});
  return replies[replies.length - 1] as Reply;
}

let organisationId = '';

/** Rows of this test's organisation (the database is shared by the file's tests). */
async function count(table: string, where = sql`true`): Promise<number> {
  const rows = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where organisation_id = ${organisationId} and ${where}`.execute(database.current.db.withoutPlugins());
  return Number(rows.rows[0]?.n);
}

async function storedSubscription(): Promise<{ active: boolean; subscription: Record<string, unknown> } | undefined> {
  const rows = await sql<{ active: boolean; subscription: Record<string, unknown> }>`select active, subscription from reminder_targets where organisation_id = ${organisationId} and address = ${CHANNEL.address}`.execute(database.current.db.withoutPlugins());
  return rows.rows[0];
}

describe('reminder settings from chat', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;
  let ben: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    organisationId = admin.organisationId;
    ana = await org.join('Ana');
    ben = await org.join('Ben');
    // Ana: valid until 2027-01-15, short of credit. Ben: expired on 2026-10-01.
    await saveCredential(deps, ana, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    await saveCredential(deps, ben, { number: 'CMSS-2', issuedOn: '2025-10-01', expiresOn: '2026-10-01' });
  });

  it('refuses a scribe politely, naming the admins, audits it, and stores nothing — bad words or not', async () => {
    for (const words of ['remind here 60,30,7 at 9:00', 'remind here 61,abc', 'remind off', 'remind show', 'remind dms off', 'digest weekly monday 8:00']) {
      expect(await say(deps, ana, words), words).toMatchObject({ kind: 'error', code: 'forbidden', details: { admins: 'Dana Admin' } });
    }
    expect(await count('reminder_targets')).toBe(0);
    expect(await count('reminder_settings')).toBe(0);
    expect(await count('manager_digests')).toBe(0);
    expect(await count('audit_events', sql`action = 'access.refused' and actor_person_id = ${ana.personId}`)).toBe(6);
  });

  it('subscribes the channel, stores the validated policy, audits it, and shows the next times in its zone', async () => {
    const set = expectKind(await say(deps, admin, 'remind here 60,30,7 at 9:00'), 'reminders-channel');
    expect(set).toMatchObject({ change: 'subscribed', channel: { channelName: '#scribes', active: true, daysBefore: [60, 30, 7], sendAt: '09:00', zone: 'America/New_York', zoneOwn: false, team: null, private: false }, dms: true, digest: null });
    expect(await storedSubscription()).toMatchObject({ active: true, subscription: { daysBefore: [60, 30, 7], sendAt: '09:00', weekdaysOnly: false, zone: null, teamId: null, private: false } });
    expect(await count('audit_events', sql`action = 'reminders.channel-set'`)).toBe(1);
    // Ben is weekly after expiry (next: Dec 3); Ana 30 days before Jan 15 (Dec 16). 09:00 in New York.
    const shown = expectKind(await say(deps, admin, 'remind show'), 'reminders-channel');
    expect(shown.change).toBe('show');
    expect(shown.next).toEqual([{ at: '2026-12-03T09:00:00.000-05:00', people: 1 }, { at: '2026-12-16T09:00:00.000-05:00', people: 1 }]);
    const moved = expectKind(await say(deps, admin, 'remind here zone Europe/London weekdays private'), 'reminders-channel');
    expect(moved).toMatchObject({ change: 'updated', channel: { daysBefore: [60, 30, 7], zone: 'Europe/London', zoneOwn: true, weekdaysOnly: true, private: true } });
    expect(moved.next[0]?.at).toBe('2026-12-03T09:00:00.000+00:00');
  });

  it('refuses bad days, times and zones by name, leaving the stored settings untouched', async () => {
    await say(deps, admin, 'remind here 60,30,7 at 9:00');
    const before = await storedSubscription();
    expect(await say(deps, admin, 'remind here 61,abc')).toMatchObject({ kind: 'error', code: 'remind-days-invalid', details: { text: '61,abc' } });
    expect(await say(deps, admin, 'remind here at 25:00')).toMatchObject({ kind: 'error', code: 'remind-time-invalid', details: { text: '25:00' } });
    expect(await say(deps, admin, 'remind here zone Mars/Olympus')).toMatchObject({ kind: 'error', code: 'remind-zone-invalid' });
    expect(await say(deps, admin, 'remind team "Day shift"')).toMatchObject({ kind: 'error', code: 'team-not-found' });
    expect(await storedSubscription()).toEqual(before);
    expect(await say(deps, admin, 'remind here', null)).toMatchObject({ kind: 'error', code: 'remind-no-channel' });
  });

  it('limits a channel to a team; a manager limited to teams may only subscribe one of theirs', async () => {
    await say(deps, admin, 'team Night shift add @ben');
    await say(deps, admin, 'role @ana manager of "Night shift"');
    expect(await say(deps, ana, 'remind here 30,7')).toMatchObject({ kind: 'error', code: 'remind-team-required', details: { teams: 'Night shift' } });
    expect(await count('reminder_targets')).toBe(0);
    const limited = expectKind(await say(deps, ana, 'remind team "night shift"'), 'reminders-channel');
    expect(limited.channel.team).toBe('Night shift');
    // Only Ben is in the team: one person, weekly after his expiry.
    expect(limited.next).toEqual([{ at: '2026-12-03T09:00:00.000-05:00', people: 1 }]);
    expect(await say(deps, ana, 'remind team everyone')).toMatchObject({ kind: 'error', code: 'remind-team-required' });
    expect(expectKind(await say(deps, admin, 'remind team everyone'), 'reminders-channel').channel.team).toBeNull();
  });

  it('turns a channel off (once), keeping its settings for next time', async () => {
    await say(deps, admin, 'remind here 14 at 10:00');
    expect(await say(deps, admin, 'remind off')).toMatchObject({ kind: 'reminders-channel', change: 'off', channel: { active: false }, next: [] });
    expect(await say(deps, admin, 'remind off')).toMatchObject({ change: 'already-off' });
    expect(await count('audit_events', sql`action = 'reminders.channel-off'`)).toBe(1);
    expect(await say(deps, admin, 'remind here')).toMatchObject({ change: 'subscribed', channel: { active: true, daysBefore: [14], sendAt: '10:00' } });
  });

  it("sets the organisation's DM policy and a manager's own weekly digest, audited", async () => {
    expect(await say(deps, admin, 'remind dms off')).toEqual({ kind: 'reminders-dms', on: false, changed: true });
    expect(await say(deps, admin, 'remind dms off')).toEqual({ kind: 'reminders-dms', on: false, changed: false });
    expect(expectKind(await say(deps, admin, 'remind show'), 'reminders-channel').dms).toBe(false);
    expect(await say(deps, admin, 'remind dms on')).toEqual({ kind: 'reminders-dms', on: true, changed: true });
    expect(await count('audit_events', sql`action = 'reminders.dms-set'`)).toBe(2);
    expect(await say(deps, admin, 'digest weekly monday 8:00')).toEqual({ kind: 'manager-digest-set', schedule: { weekday: 1, sendAt: '08:00', zone: 'America/New_York' }, changed: true });
    expect(expectKind(await say(deps, admin, 'remind show'), 'reminders-channel').digest).toEqual({ weekday: 1, sendAt: '08:00' });
    expect(await say(deps, admin, 'digest weekly someday 8:00')).toMatchObject({ kind: 'error', code: 'remind-weekday-invalid' });
    expect(await say(deps, admin, 'digest off')).toMatchObject({ kind: 'manager-digest-set', schedule: null, changed: true });
    expect(await count('manager_digests', sql`active`)).toBe(0);
    expect(await count('audit_events', sql`action = 'reminders.digest-set'`)).toBe(2);
  });

  it('snoozes a person for 3 days from their own today, recorded and audited', async () => {
    expect(await say(deps, ana, 'snooze')).toEqual({ kind: 'snoozed', until: '2026-11-30', days: 3 });
    const rows = await sql<{ until_date: string }>`select until_date from reminder_snoozes where person_id = ${ana.personId}`.execute(database.current.db.withoutPlugins());
    expect(rows.rows).toEqual([{ until_date: '2026-11-30' }]);
    expect(await count('audit_events', sql`action = 'reminders.snoozed'`)).toBe(1);
    // Managers see it in the report while it lasts.
    const report = expectKind(await say(deps, admin, 'report'), 'compliance-report');
    expect(report.rows.find((r) => r.displayName === 'Ana')?.snoozedUntil).toBe('2026-11-30');
    expect(report.rows.find((r) => r.displayName === 'Ben')?.snoozedUntil).toBeUndefined();
    deps.clock.set('2026-12-01T15:00:00Z');
    expect(expectKind(await say(deps, admin, 'report'), 'compliance-report').rows.find((r) => r.displayName === 'Ana')?.snoozedUntil).toBeUndefined();
  });

  it('leaves one subscription when two admins set up the same channel at once', async () => {
    const other = await say(deps, admin, 'role @ben admin').then(() => ({ ...ben, role: 'admin' as const }));
    for (let round = 0; round < 10; round += 1) {
      const results = await Promise.all([say(deps, admin, `remind here ${round + 1} at 9:00`), say(deps, other, `remind here ${round + 20} at 10:00`)]);
      for (const r of results) expect(r.kind).toBe('reminders-channel');
    }
    expect(await count('reminder_targets')).toBe(1);
  });
});
